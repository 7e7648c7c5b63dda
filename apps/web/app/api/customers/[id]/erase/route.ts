import { eraseCustomerDataEndpoint } from "@/lib/api/endpoints/customer-privacy";
import { toRouteHandler } from "@/lib/api/to-route-handler";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const POST = toRouteHandler(eraseCustomerDataEndpoint);
