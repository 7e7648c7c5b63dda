import { acceptMercadoPagoWebhook } from "@campotech/core/modules/payments";
import { handleWebhook } from "@/lib/webhook-route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export function POST(request: Request): Promise<Response> {
  return handleWebhook(request, ({ rawBody, headers, url }) => acceptMercadoPagoWebhook({ rawBody, headers, url }));
}
