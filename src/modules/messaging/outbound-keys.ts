import { env } from "../../lib/env";
import { redisHashTags } from "../../lib/redis";

// Redis keys and the integration names used by rate limits and panic mode, in one place.
export const integrationOf = (accountId: string) => `whatsapp:${accountId}`;
// issue 22 (cluster): with hash tags (cluster mode, docs/deploy.md) a send's three limit keys share the organization's
// slot (acquireSendSlot checks them in one script) and a message's waiters and ready keys share the message's (one
// MULTI). Without, a single Redis keeps today's names.
const P = () => env.QUEUE_PREFIX;
export const orgRateKey = (organizationId: string) => (redisHashTags() ? `${P()}:{${organizationId}}:rl:org` : `${P()}:rl:org:${organizationId}`);
export const numberRateKey = (accountId: string, organizationId: string) =>
  redisHashTags() ? `${P()}:{${organizationId}}:rl:number:${accountId}` : `${P()}:rl:number:${accountId}`;
export const pairBackoffKey = (accountId: string, recipient: string, organizationId: string) =>
  redisHashTags() ? `${P()}:{${organizationId}}:pair:${accountId}:${recipient}` : `${P()}:pair:${accountId}:${recipient}`;
// When a waiting delivery will try again (its DelayJob's until): a later message of its conversation sleeps until then.
export const deliveryReadyKey = (messageId: string) => (redisHashTags() ? `${P()}:outbound:{${messageId}}:ready` : `${P()}:outbound:ready:${messageId}`);
// Deliveries sleeping behind this message (same conversation): woken as soon as it is handed over or given up.
export const deliveryWaitersKey = (messageId: string) => (redisHashTags() ? `${P()}:outbound:{${messageId}}:waiters` : `${P()}:outbound:waiters:${messageId}`);
export const panicOutcomesKey = (integration: string) => `${env.QUEUE_PREFIX}:panic:${integration}`;

export const deliverJobId = (messageId: string, round?: string) => (round ? `deliver-${messageId}-${round}` : `deliver-${messageId}`);

// Defaults from the seeds: 50 messages per 60 s per organization, 80 msg/s per phone number (Meta's default
// throughput), 6 s between messages to one recipient after a pair-rate error.
export const DEFAULT_ORG_RATE = { limit: 50, windowMs: 60_000 };
export const DEFAULT_NUMBER_THROUGHPUT = { limit: 80, windowMs: 1_000 };
export const PAIR_BACKOFF_MS = 6_000;
export const PANIC_AUTO_RESOLVE_MS = 60 * 60_000;
export const SMS_FALLBACK_AFTER_MS = 2 * 60_000;

export const BULL_PRIORITY = { HIGH: 1, NORMAL: 5, LOW: 10 } as const;
