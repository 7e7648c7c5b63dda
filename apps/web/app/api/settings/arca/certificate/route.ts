import { installArcaCertificateEndpoint } from "@/lib/api/endpoints/arca-settings";
import { toRouteHandler } from "@/lib/api/to-route-handler";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const PUT = toRouteHandler(installArcaCertificateEndpoint);
