import { getCustomerEndpoint, updateCustomerEndpoint } from "@/lib/api/endpoints/customers";
import { toRouteHandler } from "@/lib/api/to-route-handler";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const GET = toRouteHandler(getCustomerEndpoint);
export const PATCH = toRouteHandler(updateCustomerEndpoint);
