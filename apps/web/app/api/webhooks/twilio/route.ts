import { acceptTwilioWebhook } from "@campotech/core/modules/webhooks";
import { handleWebhook } from "@/lib/webhook-route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// Inbound messages ("A message comes in" on the WhatsApp sender).
export function POST(request: Request): Promise<Response> {
  return handleWebhook(
    request,
    ({ rawBody, headers, path, url }) => acceptTwilioWebhook({ rawBody, headers, path, kind: "message", pathWithQuery: path + url.search }),
    "twiml",
  );
}
