import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { encryptJson, encryptSecret } from "@campotech/core/lib/crypto";
import { adminDb } from "@campotech/core/lib/db";
import { env } from "@campotech/core/lib/env";
import { sharedRedis, whenRedisReady } from "@campotech/core/lib/redis";
import { issueAccessToken } from "@campotech/core/modules/auth";
import { authorizeInvoice, deliverInvoice, invoiceLinkToken } from "@campotech/core/modules/invoicing";
import { deliverMessage } from "@campotech/core/modules/messaging";
import { DelayJob } from "@campotech/core/workers";
import { DEMO_ORG, DEMO_USERS, seedDemo } from "@campotech/database/seed";
import { resetDatabase } from "@campotech/database/testing";
import { call, json } from "./api-test-kit";
import { checkArcaConnectionEndpoint, createArcaCsrEndpoint, getArcaSettingsEndpoint, installArcaCertificateEndpoint, saveArcaSettingsEndpoint } from "./endpoints/arca-settings";
import { createCreditNoteEndpoint, createInvoiceEndpoint, getInvoiceEndpoint, getInvoicePdfEndpoint, listInvoicesEndpoint, publicInvoicePdfEndpoint } from "./endpoints/invoices";

// The invoicing API as the dashboard uses it, against the suite's provider sandbox (ARCA's WSAA/WSFEv1, the
// customers' WhatsApp phones and the SMTP catcher): connect ARCA, invoice a finished job, the PDF, the customer
// receiving it, a credit note, and every bad input answered in Spanish before ARCA is called.
const SANDBOX = new URL(env.ARCA_WSAA_URL_HOMOLOGACION).origin;
const OWNER = DEMO_USERS.find((u) => u.role === "OWNER")!;
const DISPATCHER = DEMO_USERS.find((u) => u.role === "DISPATCHER")!;
const redis = new Redis(env.REDIS_URL);
const as = (user: { id: string; role: string }) => ({ authorization: `Bearer ${issueAccessToken({ id: user.id, organizationId: DEMO_ORG.id, role: user.role as "OWNER" }).token}` });
const owner = as(OWNER);

async function sandboxCertificate(csr: string, extra: Record<string, string> = {}): Promise<string> {
  const response = await fetch(`${SANDBOX}/_sandbox/arca/certificates`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ csr, ...extra }) });
  return ((await response.json()) as { certificate: string }).certificate;
}

async function connectArca(): Promise<void> {
  const { csrPem } = await json<{ csrPem: string }>(await call(createArcaCsrEndpoint, { headers: owner }), 201);
  await json(await call(installArcaCertificateEndpoint, { body: { certificatePem: await sandboxCertificate(csrPem) }, headers: owner }), 200);
}

async function completedJob(customerId: string, number: number): Promise<string> {
  const job = await adminDb().job.create({
    data: {
      organizationId: DEMO_ORG.id, number, customerId, address: "Av. Rivadavia 4520", serviceType: "GAS", description: "Revisión de calefón", status: "completed",
      lineItems: { create: [{ organizationId: DEMO_ORG.id, position: 0, description: "Revisión y limpieza de calefón", quantityMilli: 1000, unitPriceCents: 3800000, ivaRateBps: 2100 }] },
      transitions: { create: { organizationId: DEMO_ORG.id, from: "working", to: "completed", actorType: "SYSTEM" } },
    },
  });
  return job.id;
}

async function authorize(invoiceId: string) {
  for (let round = 0; round < 30; round++) {
    try {
      return await authorizeInvoice({ organizationId: DEMO_ORG.id, invoiceId }, { redis, now: () => Date.now() });
    } catch (error) {
      if (!(error instanceof DelayJob)) throw error;
    }
  }
  throw new Error("not settled");
}

const pdfText = (bytes: Buffer) => {
  const dir = mkdtempSync(join(tmpdir(), "invoice-"));
  writeFileSync(join(dir, "f.pdf"), bytes);
  return execFileSync("pdftotext", ["-layout", join(dir, "f.pdf"), "-"], { encoding: "utf8" });
};

beforeEach(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  await redis.flushdb();
  await whenRedisReady(sharedRedis());
  await fetch(`${SANDBOX}/_sandbox/reset`, { method: "POST" });
  await seedDemo(adminDb(), { seal: encryptJson, sealSecret: encryptSecret });
});
afterAll(async () => {
  await redis.quit();
});

describe("ARCA settings", () => {
  it("connects with a CSR made here and the certificate ARCA (the sandbox's WSASS) issues for it; Probar conexión passes", async () => {
    const before = await json<{ certificate: unknown; cuit: string }>(await call(getArcaSettingsEndpoint, { headers: owner }), 200);
    expect(before).toMatchObject({ cuit: DEMO_ORG.cuit, certificate: null });
    await connectArca();
    const check = await json<{ ok: boolean; steps: { step: string; ok: boolean }[]; lastNumbers: unknown[] }>(await call(checkArcaConnectionEndpoint, { headers: owner }), 200);
    expect(check.steps.map((s) => [s.step, s.ok])).toEqual([
      ["Servicio de facturación (FEDummy)", true],
      ["Certificado y ticket de acceso (WSAA)", true],
      ["Punto de venta", true],
      ["Último comprobante autorizado", true],
    ]);
    expect(check.lastNumbers).toHaveLength(4);
    const settings = await json<{ certificate: { subject: string }; lastCheck: { ok: boolean } }>(await call(getArcaSettingsEndpoint, { headers: as(DISPATCHER) }), 200);
    expect(settings.certificate.subject).toMatch(/CUIT 30712345671/);
    expect(settings.lastCheck.ok).toBe(true);
    // The private key never leaves: not in any answer, sealed in the row.
    expect(JSON.stringify(settings)).not.toMatch(/PRIVATE KEY/);
    expect((await adminDb().arcaConnection.findUniqueOrThrow({ where: { organizationId: DEMO_ORG.id } })).privateKeyEncrypted).toMatch(/^v1\./);
  });

  it("refuses a text that is not a certificate, an expired one, one for another key and a wrong point of sale, in Spanish", async () => {
    const { csrPem } = await json<{ csrPem: string }>(await call(createArcaCsrEndpoint, { headers: owner }), 201);
    const install = (certificatePem: string) => call(installArcaCertificateEndpoint, { body: { certificatePem }, headers: owner });
    expect(await json(await install("x".repeat(200)), 400)).toMatchObject({ error: { fields: { certificate: expect.stringMatching(/no es un certificado/) } } });
    const expired = await sandboxCertificate(csrPem, { notBefore: "2024-01-01T00:00:00Z", notAfter: "2025-01-01T00:00:00Z" });
    expect(await json(await install(expired), 400)).toMatchObject({ error: { fields: { certificate: expect.stringMatching(/venció el 2025-01-01/) } } });
    const good = await sandboxCertificate(csrPem);
    // A newer CSR replaced the waiting key: the certificate of the older one does not match it.
    await json(await call(createArcaCsrEndpoint, { headers: owner }), 201);
    expect(await json(await install(good), 400)).toMatchObject({ error: { fields: { certificate: expect.stringMatching(/no corresponde a la clave privada/) } } });
    await connectArca();
    await json(await call(saveArcaSettingsEndpoint, { headers: owner, body: { environment: "HOMOLOGACION", cuit: "30712345671", pointOfSale: 7, issuerCondition: "RESPONSABLE_INSCRIPTO", businessName: "Del Sur S.R.L.", businessAddress: "Hipólito Yrigoyen 4120, Lanús" } }), 200);
    const check = await json<{ ok: boolean; steps: { detail: string; ok: boolean }[] }>(await call(checkArcaConnectionEndpoint, { headers: owner }), 200);
    expect(check.ok).toBe(false);
    expect(check.steps.find((s) => !s.ok)?.detail).toMatch(/El punto de venta 7 no existe en ARCA para este CUIT\. Disponibles: 1, 2/);
  });
});

describe("invoices", () => {
  it("a finished job invoiced from the API: authorized, its PDF, the customer gets the document on WhatsApp and by email", async () => {
    await connectArca();
    const jobId = await completedJob("demo-customer-1", 90);
    // Martina's window is open (she wrote recently in the seed) and she has an email on file.
    await adminDb().whatsAppConversation.updateMany({ where: { customerId: "demo-customer-1" }, data: { windowExpiresAt: new Date(Date.now() + 3600_000) } });
    const created = await json<{ id: string; status: string; letter: string; totalCents: number }>(await call(createInvoiceEndpoint, { body: { jobId }, headers: owner }), 201);
    expect(created).toMatchObject({ status: "PENDING", letter: "B", totalCents: 4598000 });
    expect(await authorize(created.id)).toMatchObject({ outcome: "authorized", number: 1 });
    const invoice = await json<{ status: string; cae: string; pdfUrl: string; label: string }>(await call(getInvoiceEndpoint, { params: { id: created.id }, headers: as(DISPATCHER) }), 200);
    expect(invoice).toMatchObject({ status: "AUTHORIZED", label: "Factura B 00002-00000001", pdfUrl: `/api/invoices/${created.id}/pdf` });

    const pdf = await call(getInvoicePdfEndpoint, { params: { id: created.id }, headers: owner });
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    const text = pdfText(bytes);
    for (const expected of [invoice.cae, "FACTURA", "00002", "00000001", "30-71234567-1", "Del Sur Plomería y Gas S.R.L.", "$ 45.980", "IVA Contenido", "HOMOLOGACIÓN"]) expect(text).toContain(expected);

    const delivered = await deliverInvoice({ organizationId: DEMO_ORG.id, invoiceId: created.id });
    expect(delivered).toMatchObject({ whatsapp: "sent", email: "sent" });
    // What the outbound worker does next: the document reaches Martina's phone with our link.
    const row = await adminDb().invoice.findUniqueOrThrow({ where: { id: created.id } });
    await deliverMessage({ organizationId: DEMO_ORG.id, messageId: row.sentMessageId! });
    const inbox = (await (await fetch(`${SANDBOX}/_sandbox/customers/5491155550123/inbox`)).json()) as { payload?: { type?: string; document?: { link: string; filename: string } } }[];
    const document = inbox.map((m) => m.payload).find((p) => p?.type === "document")?.document;
    expect(document?.filename).toBe("Factura-B-00002-00000001.pdf");
    expect(document?.link).toMatch(/\/api\/public\/invoices\/[\w-]+\.[\w-]{43}$/);
    const token = document!.link.split("/").at(-1)!;
    const viaLink = await call(publicInvoicePdfEndpoint, { params: { token } });
    expect(Buffer.from(await viaLink.arrayBuffer()).equals(bytes)).toBe(true);
    const emails = (await (await fetch(`${SANDBOX}/_sandbox/emails`)).json()) as { to: string[]; subject: string; raw: string }[];
    const mail = emails.find((e) => e.to.includes("martina.gomez@example.com"));
    expect(mail?.subject).toBe("Factura B 00002-00000001 — $ 45.980");
    expect(mail?.raw).toMatch(/Content-Type: application\/pdf; name=Factura-B-00002-00000001\.pdf/);
    // Delivering again sends nothing new.
    expect(await deliverInvoice({ organizationId: DEMO_ORG.id, invoiceId: created.id })).toMatchObject({ whatsapp: "already_sent", email: "already_sent" });

    const list = await json<{ items: { id: string }[]; totals: { authorizedCents: number } }>(await call(listInvoicesEndpoint, { query: { status: "AUTHORIZED" }, headers: owner }), 200);
    expect(list.totals.authorizedCents).toBe(4598000);
    const note = await json<{ id: string; kind: string; status: string; creditedInvoice: { id: string } }>(await call(createCreditNoteEndpoint, { params: { id: created.id }, headers: owner }), 201);
    expect(note).toMatchObject({ kind: "CREDIT_NOTE", status: "PENDING", creditedInvoice: { id: created.id } });
    expect(await authorize(note.id)).toMatchObject({ outcome: "authorized", number: 1 });
    const after = await json<{ totals: { authorizedCents: number } }>(await call(listInvoicesEndpoint, { query: { status: "AUTHORIZED" }, headers: owner }), 200);
    expect(after.totals.authorizedCents).toBe(0);
  });

  it("outside the 24-hour window the customer gets the invoice_ready template with the link", async () => {
    await connectArca();
    const jobId = await completedJob("demo-customer-2", 91);
    await adminDb().whatsAppConversation.updateMany({ where: { customerId: "demo-customer-2" }, data: { windowExpiresAt: new Date(Date.now() - 3600_000) } });
    const created = await json<{ id: string; letter: string }>(await call(createInvoiceEndpoint, { body: { jobId }, headers: owner }), 201);
    // Jorge has a CUIT as a responsable inscripto on file: factura A.
    expect(created.letter).toBe("A");
    await authorize(created.id);
    await deliverInvoice({ organizationId: DEMO_ORG.id, invoiceId: created.id });
    const row = await adminDb().invoice.findUniqueOrThrow({ where: { id: created.id } });
    const message = await adminDb().whatsAppMessage.findUniqueOrThrow({ where: { id: row.sentMessageId! } });
    expect(message.type).toBe("TEMPLATE");
    expect(message.content).toMatchObject({ name: "invoice_ready", preview: expect.stringMatching(/^Hola Jorge, tu factura por \$ 45\.980 ya está disponible: http.*\/api\/public\/invoices\//) });
  });

  it("refuses bad input in Spanish before ARCA is called, a second invoice for a job, and a tampered or expired link", async () => {
    const jobId = await completedJob("demo-customer-1", 92);
    const noArca = await call(createInvoiceEndpoint, { body: { jobId }, headers: owner });
    expect(await json(noArca, 400)).toMatchObject({ error: { message: expect.stringMatching(/Configuración → ARCA|certificado/) } });
    await connectArca();
    const badCuit = await call(createInvoiceEndpoint, { body: { jobId, receiver: { docType: 80, docNumber: "30-71234567-2", ivaConditionId: 1 } }, headers: owner });
    expect(await json(badCuit, 400)).toMatchObject({ error: { fields: { docNumber: expect.stringMatching(/dígito verificador/) } } });
    const noLines = await call(createInvoiceEndpoint, { body: { customerId: "demo-customer-1" }, headers: owner });
    expect(noLines.status).toBe(400);
    const first = await json<{ id: string }>(await call(createInvoiceEndpoint, { body: { jobId, authorize: false }, headers: owner }), 201);
    expect(await json(await call(createInvoiceEndpoint, { body: { jobId }, headers: owner }), 409)).toMatchObject({ error: { message: expect.stringMatching(/ya tiene una factura B/) } });
    expect((await call(createInvoiceEndpoint, { body: { jobId }, headers: as(DISPATCHER) })).status).toBe(403);
    const requests = (await (await fetch(`${SANDBOX}/_sandbox/arca/requests?method=FECAESolicitar`)).json()) as unknown[];
    expect(requests).toEqual([]);
    // The customer's link: exact, signed, and it expires (180 days).
    const token = invoiceLinkToken(DEMO_ORG.id, first.id);
    expect((await call(publicInvoicePdfEndpoint, { params: { token: `${token}x` } })).status).toBe(404);
    expect((await call(publicInvoicePdfEndpoint, { params: { token: invoiceLinkToken(DEMO_ORG.id, first.id, Date.now() - 181 * 86_400_000) } })).status).toBe(404);
    // A draft has no PDF yet.
    expect((await call(publicInvoicePdfEndpoint, { params: { token } })).status).toBe(404);
  });
});
