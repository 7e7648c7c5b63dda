import { redisHashTags } from "../lib/redis";
import { env } from "../lib/env";

// One queue per kind of work, so a flood of one kind never starves another (each gets its own Worker).
export const QUEUES = {
  system: "system",
  // Verified webhook deliveries, exactly as received. Written by the web process before it answers 200.
  webhooks: "webhooks",
  // Inbound media downloads (slow, retried independently of message processing).
  media: "media",
  // Per-conversation work: the aggregation window that turns a burst of messages into one assistant turn.
  conversations: "conversations",
  // Everything we send.
  outbound: "outbound",
  // Customer and staff notifications waiting for a time: quiet hours ending, job reminders.
  notifications: "notifications",
  // The WhatsApp assistant answering closed turns (a slow model call must not hold up turn closing or sends).
  assistant: "assistant",
  // Electronic invoices: authorization with ARCA (serialized per point of sale), then PDF and delivery.
  invoicing: "invoicing",
  // MercadoPago notifications (each re-reads the payment from MercadoPago) and the payments maintenance.
  payments: "payments",
  // Live tracking: position history writes (one per accepted batch), geocoding job addresses, retention.
  tracking: "tracking",
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

// issue 22 (cluster): the BullMQ prefix of one queue. With hash tags each queue gets its own tag ({campotech:webhooks}),
// so all of one queue's keys share a slot (BullMQ's scripts need that) while different queues spread over the
// cluster's nodes. A prefix that already carries a tag (QUEUE_PREFIX={campotech}) is kept as is.
export function queuePrefix(queue: string, prefix: string = env.QUEUE_PREFIX, tagged: boolean = redisHashTags()): string {
  if (!tagged || /\{[^}]+\}/.test(prefix)) return prefix;
  return `{${prefix}:${queue}}`;
}
