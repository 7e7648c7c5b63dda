export { jobCatalog, findJob } from "./catalog";
export { defineJob } from "./define-job";
export { DelayJob } from "./delay-job";
export type { JobContext, JobDefinition } from "./define-job";
export { closeQueues, enqueue, getQueue } from "./enqueue";
export { processJob } from "./process-job";
export { QUEUES } from "./queues";
export type { QueueName } from "./queues";
export { queuePrefix } from "./queues"; // issue 22 (cluster)
export { USAGE_RESET_SCHEDULE, usageResetMonthlyCounters } from "./jobs/usage-reset-monthly-counters.job";
export { whatsappProcessWebhook } from "./jobs/whatsapp-process-webhook.job";
export { mediaDownloadMessageMedia } from "./jobs/media-download-message-media.job";
export { conversationCloseTurn } from "./jobs/conversation-close-turn.job";
export { messagingDeliverMessage } from "./jobs/messaging-deliver-message.job";
export { MESSAGING_MAINTENANCE_SCHEDULE, messagingMaintenance } from "./jobs/messaging-maintenance.job";
export { runFollowUps } from "./jobs/run-follow-ups";
export { PAYMENTS_MAINTENANCE_SCHEDULE, paymentsMaintenance } from "./jobs/payments-maintenance.job";
export { TRACKING_MAINTENANCE_SCHEDULE, trackingMaintenance } from "./jobs/tracking-maintenance.job";
export { SYNC_MAINTENANCE_SCHEDULE, syncMaintenance } from "./jobs/sync-maintenance.job";
export { RELIABILITY_RECONCILE_SCHEDULE, reliabilityReconcileScheduledWork } from "./jobs/reliability-reconcile-scheduled-work.job"; // issue 22 (lead)
export { OBSERVABILITY_PROBE_SCHEDULE, observabilityProbeHealth } from "./jobs/observability-probe-health.job"; // issue 20 (lead)
export { PROVISIONING_EXPIRE_SCHEDULE, provisioningExpireReservations } from "./jobs/provisioning-expire-reservations.job"; // issue 19 (provisioning)
export { RETENTION_RUN_SCHEDULE, retentionRun } from "./jobs/retention-run.job"; // issue 20 (retention)
export { ALERTS_EVALUATE_SCHEDULE, alertsEvaluate } from "./jobs/alerts-evaluate.job"; // issue 20 (alerts)
