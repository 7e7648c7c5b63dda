import { signupEndpoint } from "@/lib/api/endpoints/signup";
import { toRouteHandler } from "@/lib/api/to-route-handler";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const POST = toRouteHandler(signupEndpoint);
