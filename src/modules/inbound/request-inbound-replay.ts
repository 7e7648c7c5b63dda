import { withTenant } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { getQueue } from "../../workers/queue-registry";

export const REPLAY_INBOUND_JOB = "inbound.replay-dead-letters";

/**
 * The dashboard's replay: checks there is something open to replay, then hands it to the worker
 * (inbound.replay-dead-letters runs replayInboundDeadLetters with the worker's follow-ups). One pending job per
 * organization and target: asking twice while it waits adds nothing.
 */
export async function requestInboundReplay(input: { organizationId: string; id?: string }): Promise<{ queued: string[] }> {
  const open = await withTenant(input.organizationId, (tx) =>
    tx.inboundDeadLetter.findMany({
      where: { organizationId: input.organizationId, replayedAt: null, ...(input.id ? { id: input.id } : {}) },
      select: { id: true },
    }),
  );
  if (input.id && open.length === 0) {
    throw new AppError("NOT_FOUND", { message: "Ese mensaje entrante no está en la lista de fallidos (o ya se reprocesó)." });
  }
  if (open.length === 0) return { queued: [] };
  await getQueue("webhooks").add(
    REPLAY_INBOUND_JOB,
    { organizationId: input.organizationId, ...(input.id ? { id: input.id } : {}) },
    { jobId: `inbound-replay-${input.organizationId}-${input.id ?? "all"}`, attempts: 3, backoff: { type: "exponential", delay: 2_000 }, removeOnComplete: true, removeOnFail: { age: 7 * 24 * 3600 } },
  );
  return { queued: open.map((r) => r.id) };
}
