import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { adminQuery, resetDatabase } from "../../../database/testing/reset";
import { adminDb, withTenant } from "../../lib/db";
import { env } from "../../lib/env";
import { closeSharedRedis } from "../../lib/redis";
import { runFollowUps } from "../../workers/jobs/run-follow-ups";
import { countOpenInboundDeadLetters, listInboundDeadLetters } from "./inbound-dead-letters";
import { contact, metaEnvelope, seedOrganization, ts } from "./inbound-test-kit";
import { acceptMeta, runJob, webhookHarness } from "./poison-test-kit";
import { createLogger } from "../../lib/logger";
import { PoisonItemsError, processWebhookDelivery } from "./process-webhook-delivery";
import { metaDelivery } from "./inbound-test-kit";
import { replayInboundDeadLetters } from "./replay-inbound-dead-letters";
import { REPLAY_INBOUND_JOB, requestInboundReplay } from "./request-inbound-replay";
import { closeQueues, getQueue } from "../../workers/queue-registry";
import { processJob } from "../../workers/process-job";
import type { Job } from "bullmq";

// Issue 22, "Poison items": one delivery's bad item must neither block nor drop the items beside it.
const ORG = "org-poison";
const CUSTOMER = "5491155550123";
const harness = webhookHarness("campotech-test-poison");
const CHECK = "inbound_poison_test_check";
const replayOptions = { aggregationWindowMs: 50, onCommitted: runFollowUps };

let accounts: Awaited<ReturnType<typeof seedOrganization>>;
beforeEach(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  accounts = await seedOrganization(ORG);
});
afterAll(async () => {
  await adminQuery(env.DATABASE_ADMIN_URL, `ALTER TABLE "WhatsAppMessage" DROP CONSTRAINT IF EXISTS ${CHECK}`);
  await harness.close();
  await closeQueues();
  await closeSharedRedis();
  await resetDatabase(env.DATABASE_ADMIN_URL);
});

const text = (id: string, body: string, timestamp = ts("2026-11-20T12:00:00Z")) => ({ from: CUSTOMER, id, timestamp, type: "text", text: { body } });
const stored = () => withTenant(ORG, (tx) => tx.whatsAppMessage.findMany({ where: { direction: "INBOUND" }, orderBy: { createdAt: "asc" } }));

describe("the measured bug: NUL, normal, unparseable timestamp in one signed Meta delivery", () => {
  it("stores all three (NUL stripped, receive time for the bad timestamp) and dead-letters nothing", async () => {
    const raw = metaEnvelope([{
      contacts: [contact(CUSTOMER)],
      messages: [text("wamid.nul", "Hola\u0000 se me rompió el calefón"), text("wamid.normal", "¿Vienen hoy?"), text("wamid.badts", "Es urgente", "99999999999999999999")],
    }]);
    const { jobId } = await acceptMeta(raw, harness.deps);
    const receivedAt = new Date((await harness.queue.getJob(jobId))!.data.receivedAt as string);

    expect(await runJob(harness.queue, jobId, 1)).toBeUndefined();

    const rows = await stored();
    expect(rows.map((r) => r.waMessageId)).toEqual(["wamid.nul", "wamid.normal", "wamid.badts"]);
    expect(rows[0]!.content).toEqual({ body: "Hola se me rompió el calefón" });
    expect(rows[1]!.providerTimestamp).toEqual(new Date("2026-11-20T12:00:00Z"));
    expect(rows[2]!.providerTimestamp).toEqual(receivedAt);
    expect(await listInboundDeadLetters({ organizationId: ORG })).toEqual([]);
  });

  it("replaces lone surrogates (jsonb rejects them) and keeps whole emoji", async () => {
    const raw = metaEnvelope([{ contacts: [contact(CUSTOMER, "Martina \ud83d")], messages: [text("wamid.sur", "roto \ud83d y \ude00 pero 😊 bien")] }]);
    const { jobId } = await acceptMeta(raw, harness.deps);
    expect(await runJob(harness.queue, jobId)).toBeUndefined();
    const [row] = await stored();
    expect(row!.content).toEqual({ body: "roto \ufffd y \ufffd pero 😊 bien" });
  });
});

describe("an item that fails for a reason sanitising cannot fix", () => {
  it("stores the others, retries, dead-letters it on the last attempt, and a replay after the fix stores it once", async () => {
    // A realistic constraint failure: the database refuses this one row (as a future CHECK or trigger might).
    await adminQuery(env.DATABASE_ADMIN_URL, `ALTER TABLE "WhatsAppMessage" ADD CONSTRAINT ${CHECK} CHECK ("waMessageId" IS DISTINCT FROM 'wamid.poison')`);
    const since = new Date(Date.now() - 1_000);
    const raw = metaEnvelope([{ contacts: [contact(CUSTOMER)], messages: [text("wamid.before", "uno"), text("wamid.poison", "dos"), text("wamid.after", "tres")] }]);
    const { jobId } = await acceptMeta(raw, harness.deps);

    // Early attempt: the job fails (so it retries) but the items beside the poison one are already stored.
    const error = await runJob(harness.queue, jobId, 1);
    expect(error).toBeInstanceOf(PoisonItemsError);
    expect((error as PoisonItemsError).failed.map((f) => f.item.kind === "message" && f.item.message.id)).toEqual(["wamid.poison"]);
    expect((await stored()).map((r) => r.waMessageId)).toEqual(["wamid.before", "wamid.after"]);

    // Last attempt: it becomes a dead letter and the job succeeds; nothing is stored twice.
    expect(await runJob(harness.queue, jobId, 10)).toBeUndefined();
    expect((await stored()).map((r) => r.waMessageId)).toEqual(["wamid.before", "wamid.after"]);
    const [letter, ...more] = await listInboundDeadLetters({ organizationId: ORG });
    expect(more).toEqual([]);
    expect(letter).toMatchObject({ provider: "META_DIRECT", kind: "message", itemKey: "wamid.poison", attempts: 10, replayedAt: null });
    expect(letter!.error).toContain(CHECK);
    expect(letter!.item).toMatchObject({ kind: "message", message: { id: "wamid.poison", content: { body: "dos" } } });
    expect(await countOpenInboundDeadLetters(adminDb(), { since })).toBe(1);

    // Replay before the fix: still failing, still open, the error recorded.
    expect((await replayInboundDeadLetters({ organizationId: ORG }, replayOptions)).failed).toHaveLength(1);
    expect(await countOpenInboundDeadLetters(adminDb(), { since })).toBe(1);

    // The fix, then the replay: stored once; a second replay and a redelivery store nothing more.
    await adminQuery(env.DATABASE_ADMIN_URL, `ALTER TABLE "WhatsAppMessage" DROP CONSTRAINT ${CHECK}`);
    expect(await replayInboundDeadLetters({ organizationId: ORG, id: letter!.id }, replayOptions)).toEqual({ replayed: [letter!.id], failed: [] });
    expect(await replayInboundDeadLetters({ organizationId: ORG }, replayOptions)).toEqual({ replayed: [], failed: [] });
    await expect(replayInboundDeadLetters({ organizationId: ORG, id: letter!.id }, replayOptions)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await runJob(harness.queue, jobId, 1)).toBeUndefined();
    const rows = await stored();
    expect(rows.map((r) => r.waMessageId).sort()).toEqual(["wamid.after", "wamid.before", "wamid.poison"]);
    expect(rows.find((r) => r.waMessageId === "wamid.poison")!.content).toEqual({ body: "dos" });
    expect(await countOpenInboundDeadLetters(adminDb(), { since })).toBe(0);
    expect(await listInboundDeadLetters({ organizationId: ORG, includeReplayed: true })).toMatchObject([{ id: letter!.id, replayCount: 2 }]);
  });
});

describe("the alert", () => {
  it("logs each dead letter as an error with the stable code inbound.dead_letter", async () => {
    await adminQuery(env.DATABASE_ADMIN_URL, `ALTER TABLE "WhatsAppMessage" ADD CONSTRAINT ${CHECK} CHECK ("waMessageId" IS DISTINCT FROM 'wamid.poison')`);
    const lines: Record<string, unknown>[] = [];
    const logger = createLogger({ level: "error", destination: { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) } });
    try {
      const raw = metaEnvelope([{ contacts: [contact(CUSTOMER)], messages: [text("wamid.poison", "dos"), text("wamid.fine", "tres")] }]);
      const summary = await processWebhookDelivery(metaDelivery(raw), { aggregationWindowMs: 50, logger, onCommitted: runFollowUps, deadLetter: { attempts: 10 } });
      expect(summary).toMatchObject({ messages: 1, deadLettered: 1 });
    } finally {
      await adminQuery(env.DATABASE_ADMIN_URL, `ALTER TABLE "WhatsAppMessage" DROP CONSTRAINT ${CHECK}`);
    }
    const [letter] = await listInboundDeadLetters({ organizationId: ORG });
    expect(lines).toMatchObject([{ code: "inbound.dead_letter", deadLetterId: letter!.id, organizationId: ORG, kind: "message", itemKey: "wamid.poison" }]);
  });
});

describe("the dashboard's replay", () => {
  it("queues one worker job for the open rows; the job stores the item once; nothing is left to queue after", async () => {
    const letter = await adminDb().inboundDeadLetter.create({
      data: {
        organizationId: ORG, provider: "DIALOG_360", accountId: accounts.dialog360, kind: "message", itemKey: "wamid.dash", deliveryId: "e".repeat(64),
        receivedAt: new Date("2026-11-20T12:00:05Z"), error: "fixed since", attempts: 10,
        item: { kind: "message", contacts: [], message: { id: "wamid.dash", from: { waId: CUSTOMER }, timestamp: "2026-11-20T12:00:00.000Z", type: "text", content: { body: "Hola" } } },
      },
    });
    expect(await requestInboundReplay({ organizationId: ORG })).toEqual({ queued: [letter.id] });
    const job = await getQueue("webhooks").getJob(`inbound-replay-${ORG}-all`);
    expect(job?.name).toBe(REPLAY_INBOUND_JOB);
    expect(await processJob({ name: job!.name, data: job!.data, attemptsMade: 0, id: job!.id } as Job)).toEqual({ replayed: [letter.id], failed: [] });
    await job!.remove();
    expect((await stored()).map((r) => r.waMessageId)).toEqual(["wamid.dash"]);
    expect(await requestInboundReplay({ organizationId: ORG })).toEqual({ queued: [] });
    await expect(requestInboundReplay({ organizationId: ORG, id: letter.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Another organization's id is not found either (RLS).
    await expect(requestInboundReplay({ organizationId: "org-other", id: letter.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

