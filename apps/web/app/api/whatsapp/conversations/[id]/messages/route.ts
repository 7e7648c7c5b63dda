import { listConversationMessagesEndpoint, sendConversationMessageEndpoint } from "@/lib/api/endpoints/conversations";
import { toRouteHandler } from "@/lib/api/to-route-handler";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const GET = toRouteHandler(listConversationMessagesEndpoint);
export const POST = toRouteHandler(sendConversationMessageEndpoint);
