import type { Redis } from "ioredis";
import { logger } from "../../lib/logger";
import { sharedRedis } from "../../lib/redis";
import type { OrganizationEvent } from "./organization-event";
import { organizationEventsChannel } from "./organization-events-channel";

// Called only after the transaction that produced the events committed, and only for changes that actually
// happened (an idempotent no-op produces no event), so a redelivery never publishes twice. Pub/sub is
// at-most-once: a dashboard that was not listening re-reads state when it reconnects. A failed publish is
// logged, never thrown: the data is already committed and a retry would not publish again anyway.
export async function publishOrganizationEvents(events: readonly OrganizationEvent[], redis: Redis = sharedRedis()): Promise<void> {
  for (const event of events) {
    try {
      await redis.publish(organizationEventsChannel(event.organizationId), JSON.stringify(event));
    } catch (error) {
      logger.warn({ err: (error as Error).message, type: event.type, organizationId: event.organizationId }, "event not published");
    }
  }
}
