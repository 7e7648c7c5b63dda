import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../../../../database/testing/reset";
import { adminDb, withTenant } from "../../../lib/db";
import { env } from "../../../lib/env";
import { upsertLead } from "./upsert-lead";

// Two turns of one customer answered at once (two worker processes) both record the lead: one open lead per
// customer either way.
const ORG = "org-lead-race";

beforeEach(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  const admin = adminDb();
  await admin.organization.create({ data: { id: ORG, name: "Plomería", cuit: "30712345671", tier: "PROFESIONAL" } });
  await admin.customer.create({ data: { id: "lr-c", organizationId: ORG, phone: "+5491180000003", waId: "5491180000003", name: "Cliente" } });
  await admin.whatsAppConversation.create({ data: { id: "lr-conv", organizationId: ORG, customerId: "lr-c" } });
});
afterAll(() => resetDatabase(env.DATABASE_ADMIN_URL));

describe("two lead upserts for one customer at once", () => {
  it("leave one open lead", async () => {
    const lead = (summary: string) => withTenant(ORG, (tx) => upsertLead(tx, { organizationId: ORG, customerId: "lr-c", conversationId: "lr-conv", summary }));
    // A lead's insert checks its customer (a key-share lock); holding the customer row makes both upserts get as far
    // as they can before either commits — past their "is there an open lead?" look unless something serializes it.
    let runs!: Promise<{ id: string }[]>;
    await adminDb().$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Customer" WHERE id = 'lr-c' FOR UPDATE`;
      runs = Promise.all([lead("¿Cuánto sale destapar una cloaca?"), lead("¿Y si es urgente?")]);
      for (const deadline = Date.now() + 30_000; ; await new Promise((r) => setTimeout(r, 50))) {
        const [row] = await adminDb().$queryRaw<{ waiting: number }[]>`
          SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
        if (row!.waiting >= 2) break;
        if (Date.now() > deadline) throw new Error("the two upserts never both waited");
      }
    }, { timeout: 40_000 });
    const results = await runs;
    expect(await adminDb().lead.count({ where: { customerId: "lr-c" } })).toBe(1);
    expect(results[0]!.id).toBe(results[1]!.id);
  });
});
