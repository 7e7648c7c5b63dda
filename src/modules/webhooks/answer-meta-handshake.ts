import { checkMetaHandshake } from "../../integrations/meta/webhook";
import { env } from "../../lib/env";

/** GET /api/webhooks/whatsapp: the challenge to echo (200), or undefined (403). */
export function answerMetaHandshake(params: URLSearchParams): string | undefined {
  return checkMetaHandshake(params, env.WHATSAPP_VERIFY_TOKEN);
}
