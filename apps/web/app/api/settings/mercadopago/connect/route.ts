import { connectMercadoPagoEndpoint } from "@/lib/api/endpoints/mercadopago-settings";
import { toRouteHandler } from "@/lib/api/to-route-handler";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const POST = toRouteHandler(connectMercadoPagoEndpoint);
