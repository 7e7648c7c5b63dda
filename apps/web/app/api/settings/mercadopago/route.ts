import { disconnectMercadoPagoEndpoint, getMercadoPagoSettingsEndpoint, updateMercadoPagoSettingsEndpoint } from "@/lib/api/endpoints/mercadopago-settings";
import { toRouteHandler } from "@/lib/api/to-route-handler";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const GET = toRouteHandler(getMercadoPagoSettingsEndpoint);
export const PUT = toRouteHandler(updateMercadoPagoSettingsEndpoint);
export const DELETE = toRouteHandler(disconnectMercadoPagoEndpoint);
