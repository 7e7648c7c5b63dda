import { getConversationAssistantEndpoint, setConversationAssistantEndpoint } from "@/lib/api/endpoints/assistant";
import { toRouteHandler } from "@/lib/api/to-route-handler";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const GET = toRouteHandler(getConversationAssistantEndpoint);
export const POST = toRouteHandler(setConversationAssistantEndpoint);
