export { acceptMetaWebhook } from "./accept-meta-webhook";
export type { WebhookAccepted, WebhookRequest } from "./accept-meta-webhook";
export { acceptDialog360Webhook } from "./accept-dialog360-webhook";
export { acceptTwilioWebhook } from "./accept-twilio-webhook";
export type { TwilioWebhookKind } from "./accept-twilio-webhook";
export { answerMetaHandshake } from "./answer-meta-handshake";
export { enqueueWebhookDelivery } from "./enqueue-webhook-delivery";
export { keepRejectedWebhook, REJECTED_WEBHOOKS_CAP } from "./keep-rejected-webhook";
export type { RejectedWebhook } from "./keep-rejected-webhook";
export { listRejectedWebhooks } from "./list-rejected-webhooks";
export { clearWebhookRouteCache, findWebhookRoutes } from "./find-webhook-routes";
export type { RouteQuery, WebhookRoute } from "./find-webhook-routes";
export { defaultWebhookDeps, rejectedWebhooksKey } from "./webhook-deps";
export type { WebhookDeps } from "./webhook-deps";
export { findWebhookEndpoint, WEBHOOK_ENDPOINTS } from "./webhook-endpoints"; // issue 22 (ingest)
export type { WebhookAnswerKind, WebhookEndpoint, WebhookInput, WebhookPath } from "./webhook-endpoints"; // issue 22 (ingest)
export { serveWebhook } from "./serve-webhook"; // issue 22 (ingest)
export type { WebhookHttpRequest, WebhookReply } from "./serve-webhook"; // issue 22 (ingest)
export { serveMetaHandshake } from "./serve-meta-handshake"; // issue 22 (ingest)
export { closeWebhookDeps } from "./webhook-deps"; // issue 22 (ingest)
