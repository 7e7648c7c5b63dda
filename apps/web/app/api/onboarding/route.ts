import { getOnboardingEndpoint } from "@/lib/api/endpoints/onboarding";
import { toRouteHandler } from "@/lib/api/to-route-handler";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const GET = toRouteHandler(getOnboardingEndpoint);
