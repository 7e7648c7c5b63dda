import type { Redis } from "ioredis";
import { logger } from "../../lib/logger";
import { sharedRedis, whenRedisReady } from "../../lib/redis";
import type { OrganizationEvent } from "./organization-event";
import { organizationEventsChannel } from "./organization-events-channel";

// Called only after the transaction that produced the events committed, and only for changes that actually
// happened (an idempotent no-op produces no event), so a redelivery never publishes twice. Pub/sub is
// at-most-once: a dashboard that was not listening re-reads state when it reconnects. A failed publish is
// logged, never thrown: the data is already committed and a retry would not publish again anyway.
export async function publishOrganizationEvents(events: readonly OrganizationEvent[], redis: Redis = sharedRedis()): Promise<void> {
  if (events.length === 0) return;
  try {
    // The shared producer connection fails fast and has no offline queue: the first publish of a process would
    // otherwise be dropped while it is still connecting.
    await whenRedisReady(redis);
  } catch (error) {
    logger.warn({ err: (error as Error).message, events: events.length }, "events not published: Redis unavailable");
    return;
  }
  for (const event of events) {
    try {
      await redis.publish(organizationEventsChannel(event.organizationId), JSON.stringify(event));
    } catch (error) {
      logger.warn({ err: (error as Error).message, type: event.type, organizationId: event.organizationId }, "event not published");
    }
  }
}
