import { updateUserEndpoint } from "@/lib/api/endpoints/users";
import { toRouteHandler } from "@/lib/api/to-route-handler";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const PATCH = toRouteHandler(updateUserEndpoint);
