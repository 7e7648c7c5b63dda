import { createPriceListItemEndpoint, listPriceListEndpoint } from "@/lib/api/endpoints/price-list";
import { toRouteHandler } from "@/lib/api/to-route-handler";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const GET = toRouteHandler(listPriceListEndpoint);
export const POST = toRouteHandler(createPriceListItemEndpoint);
