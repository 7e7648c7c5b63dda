import { getWaLinkQrPngEndpoint } from "@/lib/api/endpoints/wa-links";
import { toRouteHandler } from "@/lib/api/to-route-handler";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const GET = toRouteHandler(getWaLinkQrPngEndpoint);
