import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../../../../database/testing/reset";
import { adminDb } from "../../../lib/db";
import { env } from "../../../lib/env";
import { closeSharedRedis } from "../../../lib/redis";
import { planFeatures } from "../../organizations/features";
import { assistantSettings } from "../assistant-settings";
import { readAssistantState } from "../assistant-state";
import { escalateEmergencyTool } from "./escalate-emergency";

// A customer who writes "olor a gas" twice in a row gets two turns, and with several worker processes their two
// assistant runs may escalate at the same moment. One emergency job per customer either way: the open-emergency
// check and the creation are serialized by the organization's job-numbering lock.
const ORG = "org-emergency-race";

beforeEach(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  const admin = adminDb();
  await admin.organization.create({ data: { id: ORG, name: "Gas del Sur", cuit: "30712345671", tier: "PROFESIONAL" } });
  await admin.customer.create({ data: { id: "er-c", organizationId: ORG, phone: "+5491180000002", waId: "5491180000002", name: "Cliente" } });
  await admin.whatsAppConversation.create({ data: { id: "er-conv", organizationId: ORG, customerId: "er-c" } });
});
afterAll(async () => {
  await closeSharedRedis();
  await resetDatabase(env.DATABASE_ADMIN_URL);
});

describe("two escalations of one customer's emergency at once", () => {
  it("create one job, and the second run reports it as already reported", async () => {
    const now = new Date();
    const ctx = () => ({
      organizationId: ORG, conversationId: "er-conv", customerId: "er-c", customerName: "Cliente", now,
      state: readAssistantState({}, now), settings: assistantSettings({}), features: planFeatures("PROFESIONAL"),
    });
    // Holding the organization's job-numbering lock makes both runs reach it before either creates its job: the
    // interleaving two worker processes produce when the runs start together.
    let runs!: Promise<Awaited<ReturnType<typeof escalateEmergencyTool.run>>[]>;
    await adminDb().$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(7302, hashtext(${ORG}))`;
      runs = Promise.all([0, 1].map(() => escalateEmergencyTool.run(ctx(), { kind: "gas", summary: "hay olor a gas en la cocina" })));
      for (const deadline = Date.now() + 30_000; ; await new Promise((r) => setTimeout(r, 50))) {
        const [row] = await adminDb().$queryRaw<{ waiting: number }[]>`
          SELECT count(*)::int AS waiting FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND classid = 7302`;
        if (row!.waiting >= 2) break;
        if (Date.now() > deadline) throw new Error("the two runs never both waited for the lock");
      }
    }, { timeout: 40_000 });

    const results = await runs;
    expect(await adminDb().job.count({ where: { organizationId: ORG } })).toBe(1);
    expect(results.map((r) => r.alreadyReported).sort()).toEqual([false, true]);
    expect(new Set(results.map((r) => r.jobId)).size).toBe(1);
  });
});
