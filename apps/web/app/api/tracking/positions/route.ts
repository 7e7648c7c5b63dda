import { ingestPositionsEndpoint } from "@/lib/api/endpoints/tracking";
import { toRouteHandler } from "@/lib/api/to-route-handler";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const POST = toRouteHandler(ingestPositionsEndpoint);
