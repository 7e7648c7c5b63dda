import { redirect } from "next/navigation";
import { issueQueueBoardTicket } from "@campotech/core/modules/operators";
import { requireOperatorSession } from "@/lib/panel/operator-session";

export const dynamic = "force-dynamic";

// The queue dashboard lives on the workers' server (Bull Board has no Next adapter). A verified operator is sent
// there with a one-time ticket (60 s); everyone else gets the operator pages' 404.
export default async function OperatorQueues() {
  const session = await requireOperatorSession("/operador/colas");
  redirect(issueQueueBoardTicket(session.claims).url);
}
