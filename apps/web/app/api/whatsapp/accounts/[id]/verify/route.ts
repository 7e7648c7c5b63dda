import { verifyWhatsAppAccountEndpoint } from "@/lib/api/endpoints/whatsapp-accounts";
import { toRouteHandler } from "@/lib/api/to-route-handler";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const POST = toRouteHandler(verifyWhatsAppAccountEndpoint);
