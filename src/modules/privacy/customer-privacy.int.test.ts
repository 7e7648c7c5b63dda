import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../../../database/testing/reset";
import { adminDb, withTenant } from "../../lib/db";
import { env } from "../../lib/env";
import { appendAuditLog } from "../audit/append-audit-log";
import { verifyAuditChain } from "../audit/verify-audit-chain";
import { createLocalMediaStorage } from "../media/local-media-storage";
import { eraseCustomerData } from "./erase-customer-data";
import { exportCustomerData } from "./export-customer-data";
import { renderCustomerExportHtml } from "./render-customer-export-html";

const ORG = "org-privacy";
const CUS = "pv-cus";
const OWNER = { type: "USER" as const, id: "pv-owner" };
const admin = () => adminDb();
let dir: string;
let storage: ReturnType<typeof createLocalMediaStorage>;

const INVOICE = {
  organizationId: ORG, customerId: CUS, kind: "INVOICE" as const, letter: "B", voucherType: 6, environment: "HOMOLOGACION" as const, pointOfSale: 2,
  issueDate: "2026-11-20", serviceFrom: "2026-11-20", serviceTo: "2026-11-20", paymentDueDate: "2026-11-30", receiverName: "Lucía Fernández", receiverDocType: 96,
  receiverDocNumber: "28123456", receiverIvaConditionId: 5, receiverAddress: "Av. Rivadavia 5000", netCents: 10_000, ivaCents: 2_100, totalCents: 12_100,
};

// One customer holding a bit of every kind of data.
async function seed() {
  await admin().organization.create({ data: { id: ORG, name: "Gas Lucía", cuit: "30712345671", tier: "PROFESIONAL" } });
  await admin().user.create({ data: { id: "pv-owner", organizationId: ORG, phone: "+5491140000201", name: "Dueño", role: "OWNER" } });
  await admin().user.create({ data: { id: "pv-tech", organizationId: ORG, phone: "+5491140000202", name: "Técnico", role: "TECHNICIAN" } });
  await admin().customer.create({
    data: { id: CUS, organizationId: ORG, phone: "+5491155550301", waId: "5491155550301", name: "Lucía Fernández", email: "lucia@example.com", notes: "Portero 4B", address: "Av. Rivadavia 5000", city: "CABA", tags: ["vip"], taxDocType: 96, taxDocNumber: "28123456" },
  });
  await admin().customerAddress.create({ data: { id: "pv-addr", organizationId: ORG, customerId: CUS, street: "Av. Rivadavia 5000", locality: "CABA", isDefault: true } });
  await admin().whatsAppConversation.create({ data: { id: "pv-conv", organizationId: ORG, customerId: CUS, lastMessageAt: new Date() } });
  await admin().whatsAppMessage.create({ data: { id: "pv-m1", organizationId: ORG, conversationId: "pv-conv", direction: "INBOUND", type: "TEXT", content: { body: "Se me apagó el calefón" }, status: "RECEIVED" } });
  await admin().whatsAppMessage.create({
    data: { id: "pv-m2", organizationId: ORG, conversationId: "pv-conv", direction: "INBOUND", type: "IMAGE", content: { caption: "foto" }, status: "RECEIVED", mediaStorageKey: `${ORG}/pv-m2.jpg`, mediaMimeType: "image/jpeg" },
  });
  await storage.put(`${ORG}/pv-m2.jpg`, new Uint8Array([9, 9]), "image/jpeg");
  await admin().job.create({ data: { id: "pv-job", organizationId: ORG, number: 1, customerId: CUS, address: "Av. Rivadavia 5000", serviceType: "GAS", description: "Calefón", status: "completed", notes: "Llave en portería", latitude: -34.6, longitude: -58.4 } });
  await admin().technicianPosition.create({ data: { id: "pv-pos", organizationId: ORG, technicianId: "pv-tech", jobId: "pv-job", latitude: -34.61, longitude: -58.41, recordedAt: new Date() } });
  await admin().lead.create({ data: { id: "pv-lead", organizationId: ORG, customerId: CUS, conversationId: "pv-conv", summary: "Calefón de Lucía en Rivadavia" } });
  await admin().invoice.create({ data: { ...INVOICE, id: "pv-inv", jobId: "pv-job", status: "AUTHORIZED", number: 12, cae: "71234567890123", caeDueDate: "2026-11-30", paidCents: 12_100, paidAt: new Date() } });
  await admin().payment.create({ data: { id: "pv-pay", organizationId: ORG, customerId: CUS, invoiceId: "pv-inv", method: "CASH", status: "APPROVED", amountCents: 12_100, paidAt: new Date(), note: "Pagó Lucía en mano" } });
  await withTenant(ORG, (tx) => appendAuditLog(tx, { organizationId: ORG, actorType: "USER", actorId: "pv-owner", action: "customer.updated", entityType: "customer", entityId: CUS }));
}

const erase = (customerId = CUS) => withTenant(ORG, (tx) => eraseCustomerData(tx, storage, { organizationId: ORG, customerId, actor: OWNER }));

beforeEach(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  dir = await mkdtemp(join(tmpdir(), "pv-media-"));
  storage = createLocalMediaStorage(dir);
  await seed();
});
afterAll(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  await rm(dir, { recursive: true, force: true });
});

describe("exportCustomerData", () => {
  it("includes every kind of data held about the customer, as JSON and as a printable page, and is audited", async () => {
    const data = await withTenant(ORG, (tx) => exportCustomerData(tx, { organizationId: ORG, customerId: CUS, actor: OWNER }));
    expect(data.customer).toMatchObject({ name: "Lucía Fernández", email: "lucia@example.com", phone: "+5491155550301" });
    expect(data.addresses.map((a) => a.id)).toEqual(["pv-addr"]);
    expect(data.conversations[0]!.messages.map((m) => m.id)).toEqual(["pv-m1", "pv-m2"]);
    expect(data.jobs.map((j) => j.id)).toEqual(["pv-job"]);
    expect(data.positions).toHaveLength(1);
    expect(data.leads.map((l) => l.id)).toEqual(["pv-lead"]);
    expect(data.invoices.map((i) => i.cae)).toEqual(["71234567890123"]);
    expect(data.payments.map((p) => p.id)).toEqual(["pv-pay"]);
    expect(data.auditEntries.map((a) => a.action)).toContain("customer.updated");
    expect(JSON.parse(JSON.stringify(data)).customer.name).toBe("Lucía Fernández");

    const html = renderCustomerExportHtml(data);
    for (const text of ["Lucía Fernández", "Se me apagó el calefón", "Av. Rivadavia 5000", "71234567890123", "Calefón de Lucía en Rivadavia", "Ley 25.326"]) expect(html).toContain(text);
    expect(await admin().auditLog.count({ where: { action: "customer.data_exported", entityId: CUS, actorType: "USER" } })).toBe(1);
  });

  it("escapes what customers wrote in the printable page", async () => {
    await admin().whatsAppMessage.create({ data: { id: "pv-m3", organizationId: ORG, conversationId: "pv-conv", direction: "INBOUND", type: "TEXT", content: { body: "<script>alert(1)</script>" }, status: "RECEIVED" } });
    const data = await withTenant(ORG, (tx) => exportCustomerData(tx, { organizationId: ORG, customerId: CUS, actor: OWNER }));
    const html = renderCustomerExportHtml(data);
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });
});

describe("eraseCustomerData", () => {
  it("anonymises personal data, keeps the invoice as issued and the audit chain verifiable, and is idempotent", async () => {
    const invoiceBefore = await admin().invoice.findUniqueOrThrow({ where: { id: "pv-inv" } });
    const result = await erase();
    expect(result).toMatchObject({ alreadyErased: false, invoicesKept: 1, removed: { messages: 2, mediaFiles: 1, addresses: 1, positions: 1, leads: 1, payments: 1 } });

    const customer = await admin().customer.findUniqueOrThrow({ where: { id: CUS } });
    expect(customer).toMatchObject({ name: "Cliente eliminado", phone: null, waId: null, email: null, notes: null, address: null, city: null, tags: [], taxDocNumber: null });
    expect(customer.erasedAt).not.toBeNull();
    expect(await admin().customerAddress.count({ where: { customerId: CUS } })).toBe(0);
    const messages = await admin().whatsAppMessage.findMany({ where: { conversationId: "pv-conv" }, select: { content: true, mediaStorageKey: true } });
    expect(messages.every((m) => (m.content as { purged?: boolean }).purged === true && m.mediaStorageKey === null)).toBe(true);
    expect(await storage.get(`${ORG}/pv-m2.jpg`)).toBeNull();
    expect(await admin().job.findUniqueOrThrow({ where: { id: "pv-job" }, select: { address: true, notes: true, latitude: true } })).toEqual({ address: "Dirección eliminada", notes: "", latitude: null });
    expect(await admin().technicianPosition.count({ where: { jobId: "pv-job" } })).toBe(0);
    expect((await admin().lead.findUniqueOrThrow({ where: { id: "pv-lead" } })).summary).not.toContain("Lucía");
    expect((await admin().payment.findUniqueOrThrow({ where: { id: "pv-pay" } })).note).toBeNull();
    // ARCA: the issued invoice stays exactly as it was, receptor fields included.
    expect(await admin().invoice.findUniqueOrThrow({ where: { id: "pv-inv" } })).toEqual(invoiceBefore);

    const entries = await admin().auditLog.findMany({ where: { entityId: CUS }, orderBy: { seq: "asc" }, select: { action: true, actorType: true, metadata: true } });
    expect(entries.map((e) => e.action)).toEqual(["customer.updated", "customer.data_erased"]);
    expect(JSON.stringify(entries)).not.toContain("Lucía");
    expect((await verifyAuditChain({ organizationId: ORG })).ok).toBe(true);

    const again = await erase();
    expect(again).toMatchObject({ alreadyErased: true, removed: null, invoicesKept: 1 });
    expect(await admin().auditLog.count({ where: { action: "customer.data_erased" } })).toBe(1);
  });

  it("refuses with a Spanish reason while a job is open or an invoice is unissued or unpaid, and changes nothing", async () => {
    await admin().job.create({ data: { id: "pv-job2", organizationId: ORG, number: 2, customerId: CUS, address: "Av. Rivadavia 5000", serviceType: "GAS", description: "Revisión", status: "scheduled" } });
    await admin().invoice.create({ data: { ...INVOICE, id: "pv-inv2", status: "AUTHORIZED", number: 13, cae: "71234567890124", caeDueDate: "2026-11-30" } });
    await admin().invoice.create({ data: { ...INVOICE, id: "pv-inv3", status: "DRAFT" } });
    await expect(erase()).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/un trabajo abierto.*una factura sin emitir.*una factura impaga/),
    });
    expect((await admin().customer.findUniqueOrThrow({ where: { id: CUS } })).name).toBe("Lucía Fernández");
    expect(await storage.get(`${ORG}/pv-m2.jpg`)).toEqual(new Uint8Array([9, 9]));
  });

  it("answers not found for a customer of another organization", async () => {
    await expect(erase("nobody")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
