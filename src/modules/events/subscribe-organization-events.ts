import { createRedis } from "../../lib/redis";
import type { OrganizationEvent } from "./organization-event";
import { organizationEventsChannel } from "./organization-events-channel";

// For the dashboard's SSE endpoint: one subscriber connection per listener (a subscribed Redis connection can do
// nothing else). Resolves once the subscription is active; call the returned function to stop listening.
export async function subscribeOrganizationEvents(
  organizationId: string,
  handler: (event: OrganizationEvent) => void,
): Promise<() => Promise<void>> {
  const redis = createRedis("worker");
  const channel = organizationEventsChannel(organizationId);
  redis.on("message", (received: string, message: string) => {
    if (received !== channel) return;
    try {
      handler(JSON.parse(message) as OrganizationEvent);
    } catch {
      // A malformed message or a throwing handler must not kill the subscription.
    }
  });
  await redis.subscribe(channel);
  return async () => {
    await redis.unsubscribe(channel).catch(() => {});
    await redis.quit().catch(() => {});
  };
}
