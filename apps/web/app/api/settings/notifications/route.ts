import { getOrganizationNotificationSettingsEndpoint, setOrganizationNotificationSettingsEndpoint } from "@/lib/api/endpoints/notification-settings";
import { toRouteHandler } from "@/lib/api/to-route-handler";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const GET = toRouteHandler(getOrganizationNotificationSettingsEndpoint);
export const PUT = toRouteHandler(setOrganizationNotificationSettingsEndpoint);
