import { updatePriceListItemEndpoint } from "@/lib/api/endpoints/price-list";
import { toRouteHandler } from "@/lib/api/to-route-handler";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const PATCH = toRouteHandler(updatePriceListItemEndpoint);
