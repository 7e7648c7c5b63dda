import { getTrackingSettingsEndpoint, updateTrackingSettingsEndpoint } from "@/lib/api/endpoints/tracking";
import { toRouteHandler } from "@/lib/api/to-route-handler";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const GET = toRouteHandler(getTrackingSettingsEndpoint);
export const PUT = toRouteHandler(updateTrackingSettingsEndpoint);
