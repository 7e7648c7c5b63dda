import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox } from "../../integrations/whatsapp/sandbox-harness";
import { sqlOf, type SqlTx } from "@campotech/database";
import { adminDb, withTenant, withTenantSql } from "../../lib/db";
import { env } from "../../lib/env";
import { ORG_A, ORG_B, seedOrganizations } from "../messaging/outbound-test-kit";
import { assignEmergencyTechnician } from "./assign-emergency-technician";
import { countConversations } from "./count-conversations";
import { getConversationEmergency } from "./get-conversation-emergency";
import { listConversations } from "./list-conversations";
import { listMessages } from "./list-messages";

// The inbox for a working day: what each row of the list says (who wrote last, urgency, assignee), the chat's
// emergency banner and its technician shared by the job and the chat, and staff names on replies.
let sandbox: TestSandbox;
const redis = new Redis(env.REDIS_URL);
const dispatcher = { userId: "id-disp", role: "DISPATCHER" as const, organizationId: ORG_A };
const admin = () => adminDb();

async function message(conversationId: string, id: string, data: { direction: "INBOUND" | "OUTBOUND"; sentByUserId?: string; body?: string; at: number }) {
  await admin().whatsAppMessage.create({
    data: {
      id, organizationId: ORG_A, conversationId, direction: data.direction, type: "TEXT", content: { body: data.body ?? id },
      status: data.direction === "INBOUND" ? "RECEIVED" : "SENT", sentByUserId: data.sentByUserId ?? null, createdAt: new Date(data.at),
    },
  });
}

beforeAll(async () => {
  sandbox = await startTestSandbox();
  await seedOrganizations(sandbox, redis, { customers: 6 });
  await admin().user.createMany({
    data: [
      { id: "id-disp", organizationId: ORG_A, phone: "+5491140000101", name: "Daniela Despacho", role: "DISPATCHER" },
      { id: "id-ana", organizationId: ORG_A, phone: "+5491140000102", name: "Ana Oficina", role: "ADMIN" },
      { id: "id-tec", organizationId: ORG_A, phone: "+5491140000103", name: "Tomás Técnico", role: "TECHNICIAN" },
      { id: "id-tec2", organizationId: ORG_A, phone: "+5491140000104", name: "Teo Técnico", role: "TECHNICIAN" },
      { id: "id-tec-b", organizationId: ORG_B, phone: "+5491140000105", name: "Técnico de B", role: "TECHNICIAN" },
    ],
  });
  const t = Date.now() - 3600_000;
  await message(`${ORG_A}-conv0`, "m0", { direction: "INBOUND", at: t });
  await message(`${ORG_A}-conv1`, "m1", { direction: "OUTBOUND", sentByUserId: "assistant", at: t + 1 });
  await message(`${ORG_A}-conv2`, "m2", { direction: "OUTBOUND", sentByUserId: "id-disp", at: t + 2 });
  await message(`${ORG_A}-conv3`, "m3a", { direction: "INBOUND", at: t + 3 });
  await message(`${ORG_A}-conv3`, "m3b", { direction: "OUTBOUND", sentByUserId: "id-ana", body: "Te mando a alguien", at: t + 4 });
  // conv4: an open EMERGENCY job of its customer; conv5: an EMERGENCY lead of the chat (no job yet); conv0: a finished one.
  await admin().job.create({ data: { id: "job-emerg", organizationId: ORG_A, number: 1, customerId: `${ORG_A}-c4`, address: "Calle 1", serviceType: "GAS", description: "Olor a gas", urgency: "EMERGENCY" } });
  await admin().job.create({ data: { id: "job-done", organizationId: ORG_A, number: 2, customerId: `${ORG_A}-c0`, address: "Calle 2", serviceType: "GAS", description: "Ya está", urgency: "EMERGENCY", status: "completed" } });
  await admin().lead.create({ data: { organizationId: ORG_A, customerId: `${ORG_A}-c5`, conversationId: `${ORG_A}-conv5`, urgency: "EMERGENCY", summary: "Se inunda el baño" } });
});
afterAll(async () => {
  await sandbox.close();
  await redis.quit();
});

describe("the inbox list", () => {
  it("says who wrote the last message, with the staff member's name, and flags open emergencies (job or lead)", async () => {
    const { items } = await withTenantSql(ORG_A, (tx) => listConversations(tx, dispatcher, { limit: 100 }));
    const row = (i: number) => items.find((c) => c.id === `${ORG_A}-conv${i}`)!;
    expect(row(0).lastMessage).toMatchObject({ sentBy: "customer", sentByUser: null });
    expect(row(1).lastMessage).toMatchObject({ sentBy: "assistant", sentByUser: null });
    expect(row(2).lastMessage).toMatchObject({ sentBy: "person", sentByUser: { id: "id-disp", name: "Daniela Despacho" } });
    expect(row(3).lastMessage).toMatchObject({ sentBy: "person", sentByUser: { id: "id-ana", name: "Ana Oficina" }, text: "Te mando a alguien" });
    expect(items.filter((c) => c.emergency).map((c) => c.id).sort()).toEqual([`${ORG_A}-conv4`, `${ORG_A}-conv5`]);
    // The "Urgencias" filter and its count agree with the badge.
    const filtered = await withTenantSql(ORG_A, (tx) => listConversations(tx, dispatcher, { emergency: true, limit: 100 }));
    expect(filtered.items.map((c) => c.id).sort()).toEqual([`${ORG_A}-conv4`, `${ORG_A}-conv5`]);
    expect((await withTenant(ORG_A, (tx) => countConversations(tx, dispatcher))).emergency).toBe(2);
  });

  // issue 22 (inbox): the list and the thread are SQL read on either transaction — plain (the API) or Prisma's (the
  // panel and the mutations, through sqlOf) — and both must give the same views, dates and JSON included.
  it("reads the same list and thread through a plain-SQL and a Prisma transaction", async () => {
    const list = (tx: SqlTx) => listConversations(tx, dispatcher, { limit: 100 });
    const thread = (tx: SqlTx) => listMessages(tx, dispatcher, { conversationId: `${ORG_A}-conv3`, order: "asc" });
    const plain = await withTenantSql(ORG_A, async (tx) => ({ list: await list(tx), thread: await thread(tx) }));
    const prisma = await withTenant(ORG_A, async (tx) => ({ list: await list(sqlOf(tx)), thread: await thread(sqlOf(tx)) }));
    expect(plain.list.items.length).toBeGreaterThan(5);
    expect(plain.thread.items.length).toBe(2);
    expect(prisma).toEqual(plain);
    expect(plain.list.items.find((c) => c.lastMessage)!.lastMessage!.createdAt).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
  });

  it("labels a staff reply in the thread with the name of who sent it", async () => {
    const page = await withTenantSql(ORG_A, (tx) => listMessages(tx, dispatcher, { conversationId: `${ORG_A}-conv3`, order: "asc" }));
    expect(page.items.map((m) => [m.sentBy, m.sentByName])).toEqual([[null, null], ["person", "Ana Oficina"]]);
  });
});

describe("the chat's emergency", () => {
  it("finds the customer's open EMERGENCY job, and none once it is completed", async () => {
    const emergency = await withTenant(ORG_A, (tx) => getConversationEmergency(tx, dispatcher, `${ORG_A}-conv4`));
    expect(emergency).toEqual({ job: { id: "job-emerg", number: 1, status: "pending", technician: null } });
    expect(await withTenant(ORG_A, (tx) => getConversationEmergency(tx, dispatcher, `${ORG_A}-conv0`))).toBeNull();
  });

  it("assigning a technician from the banner puts the same person on the job and on the chat, idempotently", async () => {
    const input = { conversationId: `${ORG_A}-conv4`, jobId: "job-emerg", technicianId: "id-tec" };
    const first = await withTenant(ORG_A, (tx) => assignEmergencyTechnician(tx, dispatcher, input));
    expect(first.job.job.technicianId).toBe("id-tec");
    expect(first.conversation.assignedTo).toEqual({ id: "id-tec", name: "Tomás Técnico" });
    const second = await withTenant(ORG_A, (tx) => assignEmergencyTechnician(tx, dispatcher, input));
    expect(second.job.changes).toEqual([]);
    expect(second.job.events).toEqual([]);
    const audits = await admin().auditLog.count({ where: { organizationId: ORG_A, entityId: `${ORG_A}-conv4`, action: "conversation.assign" } });
    expect(audits).toBe(1);
    const banner = await withTenant(ORG_A, (tx) => getConversationEmergency(tx, dispatcher, `${ORG_A}-conv4`));
    expect(banner?.job.technician).toEqual({ id: "id-tec", name: "Tomás Técnico" });
    // Reassigning moves both.
    await withTenant(ORG_A, (tx) => assignEmergencyTechnician(tx, dispatcher, { ...input, technicianId: "id-tec2" }));
    const [job, conversation] = await Promise.all([
      admin().job.findUniqueOrThrow({ where: { id: "job-emerg" }, select: { technicianId: true } }),
      admin().whatsAppConversation.findUniqueOrThrow({ where: { id: `${ORG_A}-conv4` }, select: { assignedToId: true } }),
    ]);
    expect([job.technicianId, conversation.assignedToId]).toEqual(["id-tec2", "id-tec2"]);
  });

  it("refuses a job that is not the chat's open emergency, and someone who is not a technician of the organization", async () => {
    await expect(withTenant(ORG_A, (tx) => assignEmergencyTechnician(tx, dispatcher, { conversationId: `${ORG_A}-conv0`, jobId: "job-done", technicianId: "id-tec" })))
      .rejects.toMatchObject({ code: "CONFLICT" });
    await expect(withTenant(ORG_A, (tx) => assignEmergencyTechnician(tx, dispatcher, { conversationId: `${ORG_A}-conv4`, jobId: "job-emerg", technicianId: "id-ana" })))
      .rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    await expect(withTenant(ORG_A, (tx) => assignEmergencyTechnician(tx, dispatcher, { conversationId: `${ORG_A}-conv4`, jobId: "job-emerg", technicianId: "id-tec-b" })))
      .rejects.toMatchObject({ code: "VALIDATION_FAILED" });
  });
});
