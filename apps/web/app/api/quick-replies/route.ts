import { createQuickReplyEndpoint, listQuickRepliesEndpoint } from "@/lib/api/endpoints/quick-replies";
import { toRouteHandler } from "@/lib/api/to-route-handler";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const GET = toRouteHandler(listQuickRepliesEndpoint);
export const POST = toRouteHandler(createQuickReplyEndpoint);
