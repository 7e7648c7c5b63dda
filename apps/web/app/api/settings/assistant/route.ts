import { getAssistantSettingsEndpoint, setAssistantSettingsEndpoint } from "@/lib/api/endpoints/assistant";
import { toRouteHandler } from "@/lib/api/to-route-handler";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const GET = toRouteHandler(getAssistantSettingsEndpoint);
export const PUT = toRouteHandler(setAssistantSettingsEndpoint);
