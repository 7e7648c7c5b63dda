import { replayInboundDeadLettersEndpoint } from "@/lib/api/endpoints/inbound-dead-letters";
import { toRouteHandler } from "@/lib/api/to-route-handler";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const POST = toRouteHandler(replayInboundDeadLettersEndpoint);
