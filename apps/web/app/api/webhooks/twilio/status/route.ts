import { acceptTwilioWebhook } from "@campotech/core/modules/webhooks";
import { handleWebhook } from "@/lib/webhook-route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// Status callbacks of the messages we send (StatusCallback on each send).
export function POST(request: Request): Promise<Response> {
  return handleWebhook(
    request,
    ({ rawBody, headers, path, url }) => acceptTwilioWebhook({ rawBody, headers, path, kind: "status", pathWithQuery: path + url.search }),
    "twiml",
  );
}
