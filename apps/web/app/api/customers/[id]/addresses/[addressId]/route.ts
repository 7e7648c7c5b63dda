import { removeCustomerAddressEndpoint, updateCustomerAddressEndpoint } from "@/lib/api/endpoints/customers";
import { toRouteHandler } from "@/lib/api/to-route-handler";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const PATCH = toRouteHandler(updateCustomerAddressEndpoint);
export const DELETE = toRouteHandler(removeCustomerAddressEndpoint);
