export { isPlatformOperator, listPlatformOperators } from "./platform-operator-access";
export type { PlatformOperatorRow } from "./platform-operator-access";
export { setPlatformOperator } from "./set-platform-operator";
export type { PlatformOperatorChange } from "./set-platform-operator";
// issue 20 (queues): the queue dashboard's ticket, session and audit.
export { issueQueueBoardTicket, QUEUE_BOARD_PATH, workersPublicUrl } from "./issue-queue-board-ticket";
export { redeemQueueBoardTicket } from "./redeem-queue-board-ticket";
export { readQueueBoardSession } from "./read-queue-board-session";
export { auditQueueBoardAction } from "./audit-queue-board-action";
export type { QueueBoardAction } from "./audit-queue-board-action";
export { signQueueBoardToken } from "./queue-board-tokens";
export type { QueueBoardOperator } from "./queue-board-tokens";
