import type { JobDefinition } from "./define-job";
import { assistantAnswerTurn } from "./jobs/assistant-answer-turn.job";
import { conversationCloseTurn } from "./jobs/conversation-close-turn.job";
import { invoicingAuthorizeInvoice } from "./jobs/invoicing-authorize-invoice.job";
import { invoicingDeliverInvoice } from "./jobs/invoicing-deliver-invoice.job";
import { mediaDownloadMessageMedia } from "./jobs/media-download-message-media.job";
import { messagingCheckDelivery } from "./jobs/messaging-check-delivery.job";
import { messagingDeliverMessage } from "./jobs/messaging-deliver-message.job";
import { messagingHandleFailedStatus } from "./jobs/messaging-handle-failed-status.job";
import { messagingMaintenance } from "./jobs/messaging-maintenance.job";
import { notificationsJobChanged } from "./jobs/notifications-job-changed.job";
import { notificationsJobReminder } from "./jobs/notifications-job-reminder.job";
import { notificationsSendDeferred } from "./jobs/notifications-send-deferred.job";
import { paymentsMaintenance } from "./jobs/payments-maintenance.job";
import { paymentsProcessMercadoPagoNotification } from "./jobs/payments-process-mercadopago-notification.job";
import { reliabilityReconcileScheduledWork } from "./jobs/reliability-reconcile-scheduled-work.job"; // issue 22 (lead)
import { observabilityProbeHealth } from "./jobs/observability-probe-health.job"; // issue 20 (lead)
import { alertsEvaluate } from "./jobs/alerts-evaluate.job"; // issue 20 (alerts)
import { provisioningExpireReservations } from "./jobs/provisioning-expire-reservations.job"; // issue 19 (provisioning)
import { retentionRun } from "./jobs/retention-run.job"; // issue 20 (retention)
import { syncMaintenance } from "./jobs/sync-maintenance.job";
import { trackingGeocodeJob } from "./jobs/tracking-geocode-job.job";
import { trackingMaintenance } from "./jobs/tracking-maintenance.job";
import { trackingStorePositions } from "./jobs/tracking-store-positions.job";
import { usageResetMonthlyCounters } from "./jobs/usage-reset-monthly-counters.job";
import { whatsappProcessWebhook } from "./jobs/whatsapp-process-webhook.job";
import { inboundReplayDeadLetters } from "./jobs/inbound-replay-dead-letters.job"; // issue 22 (poison)

// Every job the platform runs. apps/workers starts one BullMQ Worker per queue named here.
export const jobCatalog: readonly JobDefinition[] = [
  usageResetMonthlyCounters,
  whatsappProcessWebhook,
  mediaDownloadMessageMedia,
  conversationCloseTurn,
  messagingDeliverMessage,
  messagingCheckDelivery,
  messagingHandleFailedStatus,
  messagingMaintenance,
  notificationsSendDeferred,
  notificationsJobReminder,
  notificationsJobChanged,
  assistantAnswerTurn,
  invoicingAuthorizeInvoice,
  invoicingDeliverInvoice,
  paymentsProcessMercadoPagoNotification,
  paymentsMaintenance,
  trackingStorePositions,
  trackingGeocodeJob,
  trackingMaintenance,
  syncMaintenance,
  provisioningExpireReservations, // issue 19 (provisioning)
  observabilityProbeHealth, // issue 20 (lead)
  reliabilityReconcileScheduledWork, // issue 22 (lead)
  retentionRun, // issue 20 (retention)
  inboundReplayDeadLetters, // issue 22 (poison)
  alertsEvaluate, // issue 20 (alerts)
] as JobDefinition[];

export function findJob(name: string): JobDefinition | undefined {
  return jobCatalog.find((job) => job.name === name);
}
