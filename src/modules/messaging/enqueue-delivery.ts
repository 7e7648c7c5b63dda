import { getQueue } from "../../workers/queue-registry";
import { BULL_PRIORITY, deliverJobId } from "./outbound-keys";

export const DELIVER_JOB = "messaging.deliver-message";
export const CHECK_DELIVERY_JOB = "messaging.check-delivery";

// Hands a stored message to the delivery worker. The job id is derived from the message (and the replay round),
// so enqueueing the same message twice never creates two deliveries.
export async function enqueueDelivery(input: {
  organizationId: string;
  messageId: string;
  priority: keyof typeof BULL_PRIORITY;
  notBefore?: Date | undefined;
  now?: Date;
  round?: string;
}): Promise<void> {
  const delay = input.notBefore ? Math.max(0, input.notBefore.getTime() - (input.now ?? new Date()).getTime()) : 0;
  await getQueue("outbound").add(
    DELIVER_JOB,
    { organizationId: input.organizationId, messageId: input.messageId },
    {
      jobId: deliverJobId(input.messageId, input.round),
      delay,
      priority: BULL_PRIORITY[input.priority],
      // Our own retry schedule (1 s / 10 s / 60 s, then dead letter) runs inside the handler; BullMQ's attempts
      // only cover crashes (lost connection mid-job).
      attempts: 5,
      backoff: { type: "exponential", delay: 2_000 },
      // issue 22 (soak): capped by count as well as age. A finished delivery's record is only for looking at (the
      // message row is the truth: a re-added job finds it sent and skips), and a week of them uncapped grew Redis by
      // ~2.7 KB a job without bound at steady traffic (bench/results/faults-soak.md).
      removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 },
      removeOnFail: { age: 30 * 24 * 3600 },
    },
  );
}

export async function enqueueDeliveryCheck(input: { organizationId: string; messageId: string; afterMs: number }): Promise<void> {
  await getQueue("outbound").add(
    CHECK_DELIVERY_JOB,
    { organizationId: input.organizationId, messageId: input.messageId },
    { jobId: `check-${input.messageId}`, delay: input.afterMs, removeOnComplete: { age: 24 * 3600 }, removeOnFail: { age: 7 * 24 * 3600 } },
  );
}
