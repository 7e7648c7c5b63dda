import { listInboundDeadLettersEndpoint } from "@/lib/api/endpoints/inbound-dead-letters";
import { toRouteHandler } from "@/lib/api/to-route-handler";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const GET = toRouteHandler(listInboundDeadLettersEndpoint);
