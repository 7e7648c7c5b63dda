import { listTechniciansEndpoint } from "@/lib/api/endpoints/technicians";
import { toRouteHandler } from "@/lib/api/to-route-handler";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const GET = toRouteHandler(listTechniciansEndpoint);
