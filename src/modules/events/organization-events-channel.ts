import { env } from "../../lib/env";

// One Redis pub/sub channel per organization, under the queue prefix so test and dev runs never cross.
export function organizationEventsChannel(organizationId: string): string {
  return `${env.QUEUE_PREFIX}:events:${organizationId}`;
}
