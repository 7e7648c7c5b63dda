import { retryMessageMediaEndpoint } from "@/lib/api/endpoints/messages";
import { toRouteHandler } from "@/lib/api/to-route-handler";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const POST = toRouteHandler(retryMessageMediaEndpoint);
