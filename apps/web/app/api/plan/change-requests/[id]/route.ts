import { cancelPlanChangeRequestEndpoint } from "@/lib/api/endpoints/plan";
import { toRouteHandler } from "@/lib/api/to-route-handler";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const DELETE = toRouteHandler(cancelPlanChangeRequestEndpoint);
