import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../../../database/testing/reset";
import { adminDb } from "../../lib/db";
import { env } from "../../lib/env";
import { runRetention } from "./run-retention";

// Two retention passes over the same organization at once (the nightly job in one worker process and an operator's
// CLI run, or a job BullMQ handed to a second process): each message, conversation and assistant log is purged and
// counted by one of them only, so the reports and the audit trail add up to what was there.
const ORG = "org-ret-race";
const old = new Date(Date.now() - 400 * 86_400_000);

beforeEach(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  const admin = adminDb();
  await admin.organization.create({ data: { id: ORG, name: "Carrera", cuit: "30712345671", tier: "PROFESIONAL" } });
  await admin.customer.create({ data: { id: "rr-c", organizationId: ORG, phone: "+5491180000001", name: "Cliente" } });
  await admin.whatsAppConversation.create({ data: { id: "rr-conv", organizationId: ORG, customerId: "rr-c", lastMessageAt: old, createdAt: old } });
  await admin.whatsAppMessage.createMany({
    data: [0, 1, 2, 3].map((i) => ({ id: `rr-m${i}`, organizationId: ORG, conversationId: "rr-conv", direction: "INBOUND" as const, type: "TEXT" as const, content: { body: `viejo ${i}` }, status: "RECEIVED" as const, createdAt: old })),
  });
  await admin.assistantRun.create({
    data: { id: "rr-run", organizationId: ORG, conversationId: "rr-conv", turnId: "rr-turn", engine: "OFFLINE", intent: "quote", outcome: "answered", reply: "Te paso el presupuesto", latencyMs: 5, createdAt: old },
  });
});
afterAll(() => resetDatabase(env.DATABASE_ADMIN_URL));

// Holds the rows both passes will select until both are waiting on them, then lets them go: the interleaving where
// both read the same batch before either wrote it.
async function bothPassesOverTheSameRows(table: string, ids: string[]) {
  let passes!: Promise<Awaited<ReturnType<typeof runRetention>>[]>;
  await adminDb().$transaction(async (tx) => {
    await tx.$queryRawUnsafe(`SELECT id FROM "${table}" WHERE id = ANY($1) FOR UPDATE`, ids);
    passes = Promise.all([runRetention({ organizationId: ORG }), runRetention({ organizationId: ORG })]);
    for (const deadline = Date.now() + 30_000; ; await new Promise((r) => setTimeout(r, 50))) {
      const [row] = await adminDb().$queryRaw<{ waiting: number }[]>`
        SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
      if (row!.waiting >= 2) break;
      if (Date.now() > deadline) throw new Error("the two passes never both waited on the batch");
    }
  }, { timeout: 40_000 });
  return passes;
}

describe("two retention passes at once", () => {
  it("purge and count each message once, and the audit trail adds up to it", async () => {
    const reports = await bothPassesOverTheSameRows("WhatsAppMessage", ["rr-m0", "rr-m1", "rr-m2", "rr-m3"]);
    expect(reports.map((r) => r.totals.messages).sort()).toEqual([0, 4]);
    // One entry per pass that changed something: the pass that lost the messages may still have won the idle
    // conversation or the assistant log (separate selections). Either way the trail adds up to what was there.
    const audits = (await adminDb().auditLog.findMany({ where: { organizationId: ORG, action: "retention.purged" }, select: { metadata: true } }))
      .map((a) => a.metadata as { messages: number; conversations: number; assistantRuns: number });
    expect(audits.length).toBeGreaterThanOrEqual(1);
    expect(audits.length).toBeLessThanOrEqual(2);
    expect(audits.reduce((sum, a) => sum + a.messages, 0)).toBe(4);
    expect(audits.reduce((sum, a) => sum + a.conversations, 0)).toBe(1);
    expect(audits.reduce((sum, a) => sum + a.assistantRuns, 0)).toBe(1);
    for (const audit of audits) expect(audit.messages + audit.conversations + audit.assistantRuns).toBeGreaterThan(0);
    expect(reports.reduce((sum, r) => sum + r.totals.conversations, 0)).toBe(1);
    expect(reports.reduce((sum, r) => sum + r.totals.assistantRuns, 0)).toBe(1);
  });

  it("soft-delete an idle conversation and blank an assistant log once", async () => {
    const reports = await bothPassesOverTheSameRows("WhatsAppConversation", ["rr-conv"]);
    expect(reports.reduce((sum, r) => sum + r.totals.conversations, 0)).toBe(1);
    expect(reports.reduce((sum, r) => sum + r.totals.messages, 0)).toBe(4);
    expect(reports.reduce((sum, r) => sum + r.totals.assistantRuns, 0)).toBe(1);
  });
});
