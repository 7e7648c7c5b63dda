import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox } from "../../integrations/whatsapp/sandbox-harness";
import { adminDb, withTenant, withTenantSql } from "../../lib/db";
import { env } from "../../lib/env";
import { ORG_A, seedOrganizations } from "../messaging/outbound-test-kit";
import { countConversations } from "./count-conversations";
import { listConversations } from "./list-conversations";

// The inbox's filter counts are exact and agree with what each filter lists.
let sandbox: TestSandbox;
const redis = new Redis(env.REDIS_URL);
const owner = { userId: "cc-owner", role: "OWNER" as const };

beforeAll(async () => {
  sandbox = await startTestSandbox();
  await seedOrganizations(sandbox, redis, { customers: 14 });
  const admin = adminDb();
  await admin.user.create({ data: { id: "cc-owner", organizationId: ORG_A, phone: "+5491140000001", name: "Dueño", role: "OWNER" } });
  // 11 unread (more than "9+" could say), 2 closed, 3 assigned to the owner, 1 with an open emergency job, 4 with the window closed.
  for (let i = 0; i < 14; i++) {
    await admin.whatsAppConversation.update({
      where: { id: `${ORG_A}-conv${i}` },
      data: {
        unreadCount: i < 11 ? i + 1 : 0,
        status: i >= 12 ? "CLOSED" : "OPEN",
        assignedToId: i % 5 === 0 ? "cc-owner" : null,
        ...(i >= 10 ? { windowExpiresAt: new Date(Date.now() - 60_000) } : {}),
      },
    });
  }
  await admin.job.create({ data: { organizationId: ORG_A, number: 1, customerId: `${ORG_A}-c3`, address: "Calle 1", serviceType: "GAS", description: "Olor a gas", urgency: "EMERGENCY" } });
  await admin.job.create({ data: { organizationId: ORG_A, number: 2, customerId: `${ORG_A}-c4`, address: "Calle 2", serviceType: "GAS", description: "Ya resuelto", urgency: "EMERGENCY", status: "completed" } });
});
afterAll(async () => {
  await sandbox.close();
  await redis.quit();
});

describe("countConversations", () => {
  it("counts every filter exactly, matching the lists", async () => {
    const counts = await withTenant(ORG_A, (tx) => countConversations(tx, owner));
    expect(counts).toEqual({ all: 14, open: 12, closed: 2, unread: 11, mine: 3, unassigned: 11, windowOpen: 10, windowClosed: 4, emergency: 1 });
    const list = (input: Parameters<typeof listConversations>[2]) => withTenantSql(ORG_A, (tx) => listConversations(tx, owner, { ...input, limit: 100 }));
    expect((await list({ unread: true })).items).toHaveLength(counts.unread);
    expect((await list({ assignedTo: "me" })).items).toHaveLength(counts.mine);
    expect((await list({ window: "open" })).items).toHaveLength(counts.windowOpen);
    expect((await list({ window: "closed" })).items).toHaveLength(counts.windowClosed);
    expect((await list({ status: "CLOSED" })).items).toHaveLength(counts.closed);
    expect((await list({ status: "OPEN" })).items).toHaveLength(counts.open);
    const emergencies = (await list({ emergency: true })).items;
    expect(emergencies.map((c) => c.id)).toEqual([`${ORG_A}-conv3`]);
  });

  it("a technician counts only the conversations assigned to them", async () => {
    await adminDb().user.create({ data: { id: "cc-tech", organizationId: ORG_A, phone: "+5491140000009", name: "Téc", role: "TECHNICIAN" } });
    await adminDb().whatsAppConversation.update({ where: { id: `${ORG_A}-conv1` }, data: { assignedToId: "cc-tech" } });
    const counts = await withTenant(ORG_A, (tx) => countConversations(tx, { userId: "cc-tech", role: "TECHNICIAN" }));
    expect(counts).toMatchObject({ all: 1, mine: 1, unread: 1 });
  });
});
