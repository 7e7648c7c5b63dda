import type { Redis } from "ioredis";
import { AppError } from "../../lib/errors";
import { checkQueueBoardOperator } from "./check-queue-board-operator";
import { QUEUE_BOARD_SESSION_SECONDS, signQueueBoardToken, verifyQueueBoardToken, type QueueBoardOperator } from "./queue-board-tokens";

const usedKey = (jti: string) => `queue-board:ticket:${jti}`;

// A ticket works once: its id is claimed with SET NX (kept a little past the ticket's own expiry), so a ticket
// copied from a log, a history entry or a Referer is refused even within its 60 seconds. Then the operator is
// re-checked and gets the board's own session (the cookie), which outlives the ticket.
export async function redeemQueueBoardTicket(ticket: string, deps: { redis: Redis }): Promise<{ operator: QueueBoardOperator; session: string; maxAgeSeconds: number }> {
  const { jti, expiresAt, ...operator } = verifyQueueBoardToken(ticket, "queue-board");
  const ttl = Math.max(1, expiresAt - Math.floor(Date.now() / 1000)) + 60;
  const claimed = await deps.redis.set(usedKey(jti), operator.userId, "EX", ttl, "NX");
  if (claimed !== "OK") throw new AppError("UNAUTHENTICATED", { message: "Ese enlace ya se usó. Entrá desde /operador en el panel.", detail: "ticket replayed" });
  await checkQueueBoardOperator(operator);
  return { operator, session: signQueueBoardToken(operator, "queue-board-session").token, maxAgeSeconds: QUEUE_BOARD_SESSION_SECONDS };
}
