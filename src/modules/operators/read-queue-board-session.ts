import { checkQueueBoardOperator } from "./check-queue-board-operator";
import { verifyQueueBoardToken, type QueueBoardOperator } from "./queue-board-tokens";

// The board's cookie, verified and its operator re-checked (checkQueueBoardOperator) on every request.
export async function readQueueBoardSession(session: string): Promise<QueueBoardOperator> {
  const { userId, organizationId, role, sessionVersion } = verifyQueueBoardToken(session, "queue-board-session");
  const operator = { userId, organizationId, role, sessionVersion };
  await checkQueueBoardOperator(operator);
  return operator;
}
