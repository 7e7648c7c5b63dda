import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetDatabase } from "../../../database/testing/reset";
import { adminDb } from "../../lib/db";
import { env } from "../../lib/env";
import { AppError } from "../../lib/errors";
import { closeSharedRedis } from "../../lib/redis";
import { fuzzDeliveries, type FuzzDelivery } from "./fuzz-deliveries";
import { seedOrganization } from "./inbound-test-kit";
import { acceptDialog360, acceptMeta, acceptTwilio, allowDialog360, runJob, webhookHarness } from "./poison-test-kit";
import { PoisonItemsError } from "./process-webhook-delivery";

// Signed, mutated deliveries of all three providers through the real acceptance functions and the real job
// handler. Deterministic: CAMPOTECH_FUZZ_SEED / CAMPOTECH_FUZZ_CASES (default 2,000 items) make a bigger run.
const SEED = Number(process.env.CAMPOTECH_FUZZ_SEED ?? "20261218");
const CASES = Number(process.env.CAMPOTECH_FUZZ_CASES ?? "2000");
const ORG = "org-fuzz";
const harness = webhookHarness("campotech-test-fuzz");

beforeAll(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  await seedOrganization(ORG);
  await allowDialog360(ORG);
});
afterAll(async () => {
  await harness.close();
  await closeSharedRedis();
  await resetDatabase(env.DATABASE_ADMIN_URL);
});

function accept(d: FuzzDelivery) {
  if (d.provider === "TWILIO") return acceptTwilio(d.fields, harness.deps, d.kind);
  return d.provider === "META_DIRECT" ? acceptMeta(d.raw, harness.deps) : acceptDialog360(d.raw, ORG, harness.deps);
}

type Outcome = { receivedAt: Date } | { refused: number };

// Accept (never a 5xx; only a malformed envelope may be refused), then run the job as its first attempt; an item
// that fails there is retried as the last attempt, which must dead-letter it and never throw.
async function deliver(d: FuzzDelivery, problems: string[]): Promise<Outcome> {
  let jobId: string;
  try {
    ({ jobId } = await accept(d));
  } catch (error) {
    const status = error instanceof AppError ? error.status : 500;
    if (status >= 500 || !d.malformed) problems.push(`${d.provider} accept → ${status}: ${(error as Error).message}`);
    return { refused: status };
  }
  if (d.malformed) problems.push(`${d.provider} malformed envelope accepted`);
  const job = await harness.queue.getJob(jobId);
  const receivedAt = new Date(job!.data.receivedAt as string);
  let error = await runJob(harness.queue, jobId, 1);
  if (error instanceof PoisonItemsError) error = await runJob(harness.queue, jobId, 10);
  if (error) problems.push(`${d.provider} job threw: ${(error as Error).name}: ${(error as Error).message.slice(0, 300)}`);
  await job!.remove();
  return { receivedAt };
}

describe(`webhook fuzz (seed ${SEED}, ${CASES} items)`, () => {
  it("answers no 5xx, crashes no handler, and stores every item exactly once or dead-letters it", { timeout: 1_200_000 }, async () => {
    const deliveries = fuzzDeliveries(SEED, CASES);
    const problems: string[] = [];
    const outcomes: Outcome[] = [];
    for (const d of deliveries) outcomes.push(await deliver(d, problems));
    // Exact redeliveries of every 10th delivery store nothing new.
    for (const d of deliveries.filter((_, i) => i % 10 === 0)) await deliver(d, problems);
    expect(problems).toEqual([]);

    const admin = adminDb();
    const messages = await admin.whatsAppMessage.findMany({ where: { organizationId: ORG, direction: "INBOUND" }, select: { waMessageId: true, content: true, providerTimestamp: true } });
    const letters = await admin.inboundDeadLetter.findMany({ where: { organizationId: ORG }, select: { kind: true, itemKey: true } });
    const parked = await admin.whatsAppParkedStatus.findMany({ where: { organizationId: ORG }, select: { waMessageId: true } });
    const byId = new Map(messages.map((m) => [m.waMessageId!, m]));
    const lettered = new Set(letters.map((l) => (l.kind === "status" ? l.itemKey.split(":")[0] : l.itemKey)));
    const parkedIds = new Set(parked.map((p) => p.waMessageId));

    const lost: string[] = [];
    const wrong: string[] = [];
    let expectedMessages = 0;
    deliveries.forEach((d, i) => {
      const outcome = outcomes[i]!;
      if ("refused" in outcome) return;
      for (const m of d.messages) {
        expectedMessages++;
        const row = byId.get(m.id);
        if (!row) {
          if (!lettered.has(m.id)) lost.push(m.id.slice(0, 60));
          continue;
        }
        if (m.body !== undefined && (row.content as { body?: string }).body !== m.body) wrong.push(`${m.id.slice(0, 60)} body ${JSON.stringify((row.content as { body?: string }).body)?.slice(0, 80)} vs ${JSON.stringify(m.body).slice(0, 80)}`);
        const expectedAt = m.timestampMs ?? outcome.receivedAt.getTime();
        if (d.provider !== "TWILIO" && row.providerTimestamp?.getTime() !== expectedAt) wrong.push(`${m.id.slice(0, 60)} time ${row.providerTimestamp?.toISOString()}`);
      }
      for (const s of d.statuses) if (!parkedIds.has(s.id) && !lettered.has(s.id)) lost.push(`status ${s.id.slice(0, 60)}`);
    });
    expect(lost).toEqual([]);
    expect(wrong).toEqual([]);
    // Exactly once: no row beyond the expected ones (the provider id is unique, so none is stored twice).
    expect(messages.length + letters.filter((l) => l.kind === "message").length).toBe(expectedMessages);
    expect(expectedMessages).toBeGreaterThan(CASES / 2);
  });
});
