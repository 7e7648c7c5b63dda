export { applyParkedStatuses } from "./apply-parked-statuses";
export { applyStatus } from "./apply-status";
export type { ApplyStatusResult } from "./apply-status";
export { closeConversationTurn } from "./close-conversation-turn";
export { detectOptCommand, OPT_IN_CONFIRMATION, OPT_OUT_CONFIRMATION } from "./detect-opt-command";
export type { OptCommand } from "./detect-opt-command";
export { FOLLOW_UP_JOBS } from "./follow-up";
export type { CommittedWork, FollowUpJob, FollowUpJobName } from "./follow-up";
export { InvalidDeliveryError, processWebhookDelivery } from "./process-webhook-delivery";
export type { ProcessWebhookOptions, ProcessWebhookSummary } from "./process-webhook-delivery";
export type { StatusInput } from "./record-status";
// issue 22 (poison): poison items, inbound dead letters and their replay.
export { countOpenInboundDeadLetters, listInboundDeadLetters, listOpenInboundDeadLettersAsOperator } from "./inbound-dead-letters";
export { PoisonItemsError } from "./process-webhook-delivery";
export type { InboundItem } from "./process-inbound-item";
export { replayInboundDeadLetters } from "./replay-inbound-dead-letters";
export type { ReplayOptions, ReplayResult } from "./replay-inbound-dead-letters";
export { INBOUND_LIMITS, sanitizeInboundDelivery } from "./sanitize-inbound-delivery";
export { REPLAY_INBOUND_JOB, requestInboundReplay } from "./request-inbound-replay";
