import { deleteQuickReplyEndpoint, updateQuickReplyEndpoint } from "@/lib/api/endpoints/quick-replies";
import { toRouteHandler } from "@/lib/api/to-route-handler";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const PATCH = toRouteHandler(updateQuickReplyEndpoint);
export const DELETE = toRouteHandler(deleteQuickReplyEndpoint);
