import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../../../database/testing/reset";
import { adminDb, withTenant } from "../../lib/db";
import { env } from "../../lib/env";
import { verifyAuditChain } from "../audit/verify-audit-chain";
import { contact, metaDelivery, metaEnvelope, runDelivery, seedOrganization, ts } from "../inbound/inbound-test-kit";
import { findDuplicateCustomers } from "./find-duplicate-customers";
import { listCustomers } from "./list-customers";
import { mergeCustomers } from "./merge-customers";

const ORG = "org-merge";
const OTHER = "org-merge-b";
const KEEP = "mg-keep";
const DUP = "mg-dup";
const admin = () => adminDb();
const merge = (survivorId: string, duplicateId: string, organizationId = ORG) =>
  withTenant(organizationId, (tx) => mergeCustomers(tx, { organizationId, actorId: "mg-owner", survivorId, duplicateId }));

// Two rows for the same person (the office typed one, WhatsApp created the other), each owning a bit of everything.
async function seedPair() {
  const accounts = await seedOrganization(ORG);
  await admin().user.create({ data: { id: "mg-owner", organizationId: ORG, phone: "+5491140000001", name: "Dueña", role: "OWNER" } });
  await admin().user.create({ data: { id: "mg-tech", organizationId: ORG, phone: "+5491140000002", name: "Técnico", role: "TECHNICIAN" } });
  await admin().customer.create({
    data: { id: KEEP, organizationId: ORG, phone: "+5491155550101", waId: "5491155550101", name: "Martina Gómez", tags: ["consorcio"], notes: "Timbre 3° B", city: null },
  });
  await admin().customer.create({
    data: {
      id: DUP, organizationId: ORG, phone: "+5491155550202", waId: "5491155550202", name: "martina  gomez", tags: ["vip", "consorcio"], notes: "Tiene perro",
      email: "martina@example.com", city: "CABA", taxDocType: 96, taxDocNumber: "30123456",
    },
  });
  for (const [id, customerId, at] of [["mg-conv-keep", KEEP, "2026-11-20T10:00:00Z"], ["mg-conv-dup", DUP, "2026-11-21T10:00:00Z"]] as const) {
    await admin().whatsAppConversation.create({
      data: { id, organizationId: ORG, customerId, accountId: accounts.meta, unreadCount: 1, lastMessageAt: new Date(at), status: customerId === DUP ? "OPEN" : "CLOSED", ...(customerId === DUP ? { assignedToId: "mg-tech" } : {}) },
    });
    await admin().whatsAppMessage.create({
      data: { id: `${id}-m`, organizationId: ORG, conversationId: id, waMessageId: `wamid.${id}`, direction: "INBOUND", type: "TEXT", content: { body: "hola" }, status: "RECEIVED", providerTimestamp: new Date(at) },
    });
  }
  await admin().conversationTurn.create({ data: { id: "mg-turn", organizationId: ORG, conversationId: "mg-conv-dup", triggerMessageId: "mg-conv-dup-m", messageCount: 1, firstMessageAt: new Date(), lastMessageAt: new Date() } });
  await admin().job.create({
    data: { id: "mg-job", organizationId: ORG, number: 1, customerId: DUP, address: "Corrientes 1234", serviceType: "GAS", description: "Calefón", status: "completed" },
  });
  await admin().lead.create({ data: { id: "mg-lead", organizationId: ORG, customerId: DUP, conversationId: "mg-conv-dup", serviceType: "GAS", summary: "Calefón" } });
  await admin().invoice.create({
    data: {
      id: "mg-inv", organizationId: ORG, customerId: DUP, jobId: "mg-job", kind: "INVOICE", letter: "B", voucherType: 6, status: "DRAFT", environment: "HOMOLOGACION", pointOfSale: 2,
      issueDate: "2026-12-01", serviceFrom: "2026-12-01", serviceTo: "2026-12-01", paymentDueDate: "2026-12-11", receiverName: "Martina", receiverDocType: 99, receiverDocNumber: "0",
      receiverIvaConditionId: 5, netCents: 100, ivaCents: 21, totalCents: 121, ivaBreakdown: [],
    },
  });
  await admin().paymentLink.create({ data: { id: "mg-link", organizationId: ORG, customerId: DUP, invoiceId: "mg-inv", amountCents: 121, expiresAt: new Date(Date.now() + 86_400_000) } });
  await admin().payment.create({ data: { id: "mg-pay", organizationId: ORG, customerId: DUP, invoiceId: "mg-inv", method: "CASH", status: "APPROVED", amountCents: 121, paidAt: new Date() } });
  // Both reacted to the same message (the survivor's reaction wins) and the duplicate to another one.
  for (const [id, customerId, target] of [["mg-r1", KEEP, "wamid.x"], ["mg-r2", DUP, "wamid.x"], ["mg-r3", DUP, "wamid.y"]] as const) {
    await admin().whatsAppReaction.create({ data: { id, organizationId: ORG, customerId, targetWaMessageId: target, emoji: "👍", reactionWaMessageId: `wamid.${id}`, providerTimestamp: new Date() } });
  }
  await admin().customerAddress.create({ data: { id: "mg-addr-keep", organizationId: ORG, customerId: KEEP, street: "Corrientes 1234", isDefault: true } });
  await admin().customerAddress.create({ data: { id: "mg-addr-dup", organizationId: ORG, customerId: DUP, street: "Lavalle 500", isDefault: true } });
}

beforeEach(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  await seedPair();
});
afterAll(() => resetDatabase(env.DATABASE_ADMIN_URL));

describe("mergeCustomers", () => {
  it("moves everything the duplicate owns to the survivor in one go and marks the duplicate merged", async () => {
    const result = await merge(KEEP, DUP);
    expect(result.alreadyMerged).toBe(false);
    expect(result.moved).toMatchObject({ conversations: 1, messages: 1, jobs: 1, leads: 1, invoices: 1, paymentLinks: 1, payments: 1, addresses: 1 });

    const owner = async (model: "job" | "lead" | "invoice" | "paymentLink" | "payment", id: string) =>
      ((await (admin()[model] as unknown as { findUniqueOrThrow: (a: unknown) => Promise<{ customerId: string }> }).findUniqueOrThrow({ where: { id } })).customerId);
    for (const [model, id] of [["job", "mg-job"], ["lead", "mg-lead"], ["invoice", "mg-inv"], ["paymentLink", "mg-link"], ["payment", "mg-pay"]] as const) {
      expect(await owner(model, id), model).toBe(KEEP);
    }
    const reactions = await admin().whatsAppReaction.findMany({ orderBy: { id: "asc" }, select: { id: true, customerId: true } });
    expect(reactions).toEqual([{ id: "mg-r1", customerId: KEEP }, { id: "mg-r3", customerId: KEEP }]);
    const addresses = await admin().customerAddress.findMany({ where: { customerId: KEEP }, orderBy: { street: "asc" }, select: { street: true, isDefault: true } });
    expect(addresses).toEqual([{ street: "Corrientes 1234", isDefault: true }, { street: "Lavalle 500", isDefault: false }]);

    const survivor = await admin().customer.findUniqueOrThrow({ where: { id: KEEP } });
    expect(survivor).toMatchObject({
      name: "Martina Gómez", phone: "+5491155550101", tags: ["consorcio", "vip"], notes: "Timbre 3° B\n\nTiene perro",
      email: "martina@example.com", city: "CABA", taxDocType: 96, taxDocNumber: "30123456", mergedIntoId: null,
    });
    const duplicate = await admin().customer.findUniqueOrThrow({ where: { id: DUP } });
    expect(duplicate.mergedIntoId).toBe(KEEP);
    expect(duplicate.mergedAt).toBeInstanceOf(Date);
    // The duplicate keeps its phone: that is what routes the person's next message to the survivor.
    expect(duplicate.phone).toBe("+5491155550202");

    const audit = await admin().auditLog.findMany({ where: { organizationId: ORG, action: "customer.merged" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: "mg-owner", entityId: KEEP, metadata: { duplicateId: DUP } });
    expect((await verifyAuditChain({ organizationId: ORG })).ok).toBe(true);
  });

  it("folds the duplicate's conversation into the survivor's: messages, turns and leads move, the empty one is deleted", async () => {
    await merge(KEEP, DUP);
    const conversations = await admin().whatsAppConversation.findMany({ where: { organizationId: ORG } });
    expect(conversations.map((c) => c.id)).toEqual(["mg-conv-keep"]);
    expect(conversations[0]).toMatchObject({
      customerId: KEEP, unreadCount: 2, lastMessageAt: new Date("2026-11-21T10:00:00Z"), status: "OPEN", assignedToId: "mg-tech",
    });
    const messages = await admin().whatsAppMessage.findMany({ orderBy: { id: "asc" }, select: { id: true, conversationId: true } });
    expect(messages).toEqual([{ id: "mg-conv-dup-m", conversationId: "mg-conv-keep" }, { id: "mg-conv-keep-m", conversationId: "mg-conv-keep" }]);
    expect((await admin().conversationTurn.findUniqueOrThrow({ where: { id: "mg-turn" } })).conversationId).toBe("mg-conv-keep");
    expect((await admin().lead.findUniqueOrThrow({ where: { id: "mg-lead" } })).conversationId).toBe("mg-conv-keep");
  });

  it("hands over the conversation itself when only the duplicate has one", async () => {
    await admin().whatsAppConversation.delete({ where: { id: "mg-conv-keep" } });
    await merge(KEEP, DUP);
    expect(await admin().whatsAppConversation.findMany({ select: { id: true, customerId: true } })).toEqual([{ id: "mg-conv-dup", customerId: KEEP }]);
  });

  it("is idempotent: merging the same pair again answers alreadyMerged and changes nothing", async () => {
    await merge(KEEP, DUP);
    const before = await admin().customer.findUniqueOrThrow({ where: { id: KEEP } });
    const again = await merge(KEEP, DUP);
    expect(again).toMatchObject({ alreadyMerged: true, moved: null, duplicateId: DUP });
    expect(await admin().customer.findUniqueOrThrow({ where: { id: KEEP } })).toEqual(before);
    expect(await admin().auditLog.count({ where: { action: "customer.merged" } })).toBe(1);
  });

  it("refuses a merge into itself, into a merged customer, or across organizations, in Spanish", async () => {
    await expect(merge(KEEP, KEEP)).rejects.toMatchObject({ code: "VALIDATION_FAILED", message: expect.stringContaining("consigo mismo") });
    await admin().customer.create({ data: { id: "mg-third", organizationId: ORG, phone: "+5491155550303", name: "Martina G." } });
    await merge(KEEP, DUP);
    await expect(merge(DUP, "mg-third")).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("ya se unió") });
    await expect(merge("mg-third", DUP)).rejects.toMatchObject({ code: "CONFLICT" });

    await seedOrganization(OTHER, { withAccounts: false, cuit: "30500010912" });
    await admin().customer.create({ data: { id: "mg-other", organizationId: OTHER, phone: "+5491155550404", name: "Martina Gómez" } });
    // From either side, the other organization's customer does not exist (RLS hides it).
    await expect(merge(KEEP, "mg-other")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(merge("mg-other", "mg-third", OTHER)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await admin().customer.findUniqueOrThrow({ where: { id: "mg-other" } })).mergedIntoId).toBeNull();
    expect((await admin().customer.findUniqueOrThrow({ where: { id: "mg-third" } })).mergedIntoId).toBeNull();
  });

  it("leaves everything as it was when it fails halfway (one transaction)", async () => {
    await expect(
      withTenant(ORG, async (tx) => {
        await mergeCustomers(tx, { organizationId: ORG, actorId: "mg-owner", survivorId: KEEP, duplicateId: DUP });
        throw new Error("boom after the merge");
      }),
    ).rejects.toThrow("boom");
    expect((await admin().job.findUniqueOrThrow({ where: { id: "mg-job" } })).customerId).toBe(DUP);
    expect((await admin().customer.findUniqueOrThrow({ where: { id: DUP } })).mergedIntoId).toBeNull();
  });

  it("points rows merged into the duplicate earlier straight at the new survivor", async () => {
    await admin().customer.create({ data: { id: "mg-older", organizationId: ORG, phone: "+5491155550505", name: "Martina" } });
    await merge(DUP, "mg-older");
    await merge(KEEP, DUP);
    expect((await admin().customer.findUniqueOrThrow({ where: { id: "mg-older" } })).mergedIntoId).toBe(KEEP);
  });
});

describe("after a merge", () => {
  it("routes the duplicate's next WhatsApp message to the survivor's conversation, replying to the number it came from", async () => {
    await merge(KEEP, DUP);
    const raw = metaEnvelope([{ contacts: [contact("5491155550202")], messages: [{ from: "5491155550202", id: "wamid.after", timestamp: ts("2026-11-22T12:00:00Z"), type: "text", text: { body: "¿Vienen hoy?" } }] }]);
    await runDelivery(metaDelivery(raw));
    const stored = await admin().whatsAppMessage.findFirstOrThrow({ where: { waMessageId: "wamid.after" } });
    expect(stored.conversationId).toBe("mg-conv-keep");
    expect(await admin().whatsAppConversation.count({ where: { organizationId: ORG } })).toBe(1);
    expect(await admin().customer.count({ where: { organizationId: ORG } })).toBe(2);
    expect((await admin().customer.findUniqueOrThrow({ where: { id: KEEP } })).waId).toBe("5491155550202");
  });

  it("hides the merged row from the list and the search, and stops flagging the pair as duplicates", async () => {
    const flagged = await withTenant(ORG, (tx) => findDuplicateCustomers(tx, [KEEP, DUP]));
    expect(flagged.get(KEEP)).toEqual([DUP]);
    expect(flagged.get(DUP)).toEqual([KEEP]);
    await merge(KEEP, DUP);
    const list = await withTenant(ORG, (tx) => listCustomers(tx, { search: "martina" }));
    expect(list.items.map((c) => c.id)).toEqual([KEEP]);
    const byPhone = await withTenant(ORG, (tx) => listCustomers(tx, { search: "5555-0202" }));
    expect(byPhone.items).toEqual([]);
    expect((await withTenant(ORG, (tx) => findDuplicateCustomers(tx, [KEEP]))).get(KEEP)).toBeUndefined();
  });

  it("flags same email and same phone line as likely duplicates, not just the same name", async () => {
    await admin().customer.create({ data: { id: "mg-mail", organizationId: ORG, name: "M. G.", email: "MARTINA@example.com" } });
    await admin().customer.create({ data: { id: "mg-land", organizationId: ORG, phone: "+541155550101", name: "Casa de Martina" } });
    const flagged = await withTenant(ORG, (tx) => findDuplicateCustomers(tx, [DUP, KEEP]));
    expect(flagged.get(DUP)).toEqual(expect.arrayContaining([KEEP, "mg-mail"]));
    expect(flagged.get(KEEP)).toEqual(expect.arrayContaining([DUP, "mg-land"]));
  });
});
