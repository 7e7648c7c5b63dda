import { releaseProvisioningEndpoint } from "@/lib/api/endpoints/number-provisioning";
import { toRouteHandler } from "@/lib/api/to-route-handler";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const POST = toRouteHandler(releaseProvisioningEndpoint);
