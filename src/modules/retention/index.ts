export { purgeMessageBatch } from "./purge-message-batch";
export type { PurgeReason } from "./purge-message-batch";
export { CONVERSATION_INACTIVITY_DAYS, LOG_RETENTION_DAYS, RETENTION_BATCH_SIZE, retentionCutoffs } from "./retention-policy";
export type { RetentionCutoffs } from "./retention-policy";
export { RETENTION_KINDS } from "./retention-report";
export type { OrganizationRetention, RetentionCounts, RetentionKind, RetentionReport } from "./retention-report";
export { runRetention } from "./run-retention";
export type { RunRetentionInput } from "./run-retention";
