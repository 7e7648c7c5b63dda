import { acceptDialog360Webhook } from "@campotech/core/modules/webhooks";
import { handleWebhook } from "@/lib/webhook-route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export function POST(request: Request): Promise<Response> {
  return handleWebhook(request, ({ rawBody, headers, path, url }) =>
    acceptDialog360Webhook({ rawBody, headers, path, organizationId: url.searchParams.get("orgId") }),
  );
}
