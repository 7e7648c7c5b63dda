import { composerTemplatesEndpoint } from "@/lib/api/endpoints/templates";
import { toRouteHandler } from "@/lib/api/to-route-handler";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const GET = toRouteHandler(composerTemplatesEndpoint);
