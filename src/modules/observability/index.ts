export { probeHealth } from "./probe-health";
export type { ProbeResult } from "./probe-health";
export { readUptime } from "./read-uptime";
export type { Uptime } from "./read-uptime";
export { readWebhookAckStats } from "./read-webhook-ack-stats";
export type { WebhookAckStats } from "./read-webhook-ack-stats";
export { flushWebhookAcks, recordWebhookAck, webhookAckResultForStatus } from "./record-webhook-ack";
export type { WebhookAck, WebhookAckResult } from "./record-webhook-ack";
export { bucketIndexFor, quantileFromBuckets, WEBHOOK_ACK_BUCKETS_MS } from "./webhook-ack-buckets";
