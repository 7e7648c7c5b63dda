import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { adminDb } from "@campotech/core/lib/db";
import { env } from "@campotech/core/lib/env";
import { sharedRedis, whenRedisReady } from "@campotech/core/lib/redis";
import { issueAccessToken } from "@campotech/core/modules/auth";
import { finishMercadoPagoConnectionFromCallback, startMercadoPagoConnection } from "@campotech/core/modules/payments";
import { WEBHOOK_ENDPOINTS } from "@campotech/core/modules/webhooks"; // issue 22 (ingest)
import { deliverMessage } from "@campotech/core/modules/messaging";
import { attemptsFor, authorizedInvoice, freshPayments, MARTINA, mp, ORG } from "../../../../src/modules/payments/payments-test-kit";
import { handleWebhook } from "../webhook-route";
import { call, json } from "./api-test-kit";
import { getInvoiceEndpoint, getInvoicePdfEndpoint } from "./endpoints/invoices";
import { getMercadoPagoSettingsEndpoint, updateMercadoPagoSettingsEndpoint } from "./endpoints/mercadopago-settings";
import { createPaymentLinkEndpoint, listPaymentsEndpoint, listReceivablesEndpoint, recordPaymentEndpoint, refundPaymentEndpoint } from "./endpoints/payments";

// The payments API as the dashboard uses it, and the webhook route's HTTP answers, against the suite's sandbox.
const redis = new Redis(env.REDIS_URL);
const WA_SANDBOX = new URL(env.META_GRAPH_API_URL).origin;
const as = (id: string, role: "OWNER" | "DISPATCHER") => ({ authorization: `Bearer ${issueAccessToken({ id, organizationId: ORG, role }).token}` });
const owner = as("demo-user-owner", "OWNER");
const dispatcher = as("demo-user-dispatcher", "DISPATCHER");

type Link = { id: string; status: string; amountCents: number; pageUrl: string; checkoutUrl: string; label: string; messageId: string | null };
type InvoiceView = { payment: { state: string; owedCents: number; paidCents: number; dueCents: number; openLink: { id: string } | null; payments: { id: string; method: string; statusLabel: string; refundableCents: number }[] } };

const pdfText = (bytes: Buffer) => {
  const dir = mkdtempSync(join(tmpdir(), "invoice-"));
  writeFileSync(join(dir, "f.pdf"), bytes);
  return execFileSync("pdftotext", ["-layout", join(dir, "f.pdf"), "-"], { encoding: "utf8" });
};

const webhook = (attempt: { url: string; headers: Record<string, string>; body: string }) =>
  handleWebhook(new Request(attempt.url, { method: "POST", headers: attempt.headers, body: attempt.body }), WEBHOOK_ENDPOINTS["/api/webhooks/mercadopago"]); // issue 22 (ingest)

beforeEach(async () => {
  await whenRedisReady(sharedRedis());
  await freshPayments(redis);
});
afterAll(async () => {
  await redis.quit();
});

describe("charging from the dashboard", () => {
  it("Cobrar on an invoice: the link is made, sent on WhatsApp with our page, and the invoice shows it", async () => {
    const invoiceId = await authorizedInvoice();
    const link = await json<Link>(await call(createPaymentLinkEndpoint, { body: { invoiceId, send: true }, headers: dispatcher }), 201);
    expect(link).toMatchObject({ status: "OPEN", amountCents: 6_050_000, label: expect.stringMatching(/^Factura B/) });
    expect(link.checkoutUrl).toMatch(/\/mercadopago\/checkout\/pay\//);
    await deliverMessage({ organizationId: ORG, messageId: link.messageId! });
    const inbox = (await (await fetch(`${WA_SANDBOX}/_sandbox/customers/${MARTINA.waId}/inbox`)).json()) as { payload?: { text?: { body: string } } }[];
    expect(inbox.map((m) => m.payload?.text?.body).find(Boolean)).toBe(
      `Hola Martina, te paso el link para pagar $ 60.500 de la ${link.label} con Mercado Pago (tarjeta, débito o dinero en cuenta): ${link.pageUrl}`,
    );
    const invoice = await json<InvoiceView>(await call(getInvoiceEndpoint, { params: { id: invoiceId }, headers: owner }), 200);
    expect(invoice.payment).toMatchObject({ state: "UNPAID", owedCents: 6_050_000, paidCents: 0, dueCents: 6_050_000, openLink: { id: link.id } });
    // The PDF carries the payment page as its second QR (a link annotation with our URL) while the link is open.
    const pdf = Buffer.from(await (await call(getInvoicePdfEndpoint, { params: { id: invoiceId }, headers: owner })).arrayBuffer());
    expect(pdfText(pdf)).toContain("Pagá con MercadoPago");
    expect(pdf.toString("latin1")).toContain(link.pageUrl);
    // Paid in full: the next PDF has no payment QR.
    await json(await call(recordPaymentEndpoint, { body: { invoiceId, method: "TRANSFER", amountCents: 6_050_000 }, headers: owner }), 201);
    const after = Buffer.from(await (await call(getInvoicePdfEndpoint, { params: { id: invoiceId }, headers: owner })).arrayBuffer());
    expect(pdfText(after)).not.toContain("Pagá con MercadoPago");
  });

  it("bad input gets a Spanish 4xx: both targets, a zero amount, more than what is due, a refund without Idempotency-Key or by a dispatcher", async () => {
    const invoiceId = await authorizedInvoice();
    const both = await json<{ error: { fields: Record<string, string> } }>(await call(createPaymentLinkEndpoint, { body: { invoiceId, jobId: "x" }, headers: owner }), 400);
    expect(Object.values(both.error.fields)).toContain("Indicá la factura o el trabajo (uno de los dos).");
    await json(await call(recordPaymentEndpoint, { body: { invoiceId, method: "CASH", amountCents: 0 }, headers: owner }), 400);
    const over = await json<{ error: { message: string } }>(await call(createPaymentLinkEndpoint, { body: { invoiceId, amountCents: 7_000_000 }, headers: owner }), 400);
    expect(over.error.message).toBe("Queda por cobrar $ 60.500: no se puede pedir más.");

    const paid = await json<{ id: string }>(await call(recordPaymentEndpoint, { body: { invoiceId, method: "CASH", amountCents: 1_000_000 }, headers: { ...dispatcher, "idempotency-key": "k1" } }), 201);
    const again = await json<{ id: string }>(await call(recordPaymentEndpoint, { body: { invoiceId, method: "CASH", amountCents: 1_000_000 }, headers: { ...dispatcher, "idempotency-key": "k1" } }), 201);
    expect(again.id).toBe(paid.id);
    const noKey = await json<{ error: { message: string } }>(await call(refundPaymentEndpoint, { params: { id: paid.id }, body: { amountCents: 500 }, headers: owner }), 400);
    expect(noKey.error.message).toMatch(/Idempotency-Key/);
    await json(await call(refundPaymentEndpoint, { params: { id: paid.id }, body: {}, headers: { ...dispatcher, "idempotency-key": "r1" } }), 403);
    const refunded = await json<{ refundedCents: number; statusLabel: string }>(await call(refundPaymentEndpoint, { params: { id: paid.id }, body: { amountCents: 400_000, reason: "Error de cobro" }, headers: { ...owner, "idempotency-key": "r1" } }), 201);
    expect(refunded).toMatchObject({ refundedCents: 400_000, statusLabel: "Devuelto en parte" });

    const list = await json<{ items: { id: string }[]; totals: { receivedCents: number } }>(await call(listPaymentsEndpoint, { query: { method: "CASH" }, headers: dispatcher }), 200);
    expect(list.totals.receivedCents).toBe(600_000);
    const receivables = await json<{ totalDueCents: number; items: { invoiceId: string; dueCents: number }[] }>(await call(listReceivablesEndpoint, { headers: owner }), 200);
    expect(receivables.items).toEqual([expect.objectContaining({ invoiceId, dueCents: 5_450_000 })]);
  });

  it("reminder settings are validated and saved; the linked account shows without tokens", async () => {
    const settings = await json<{ connection: Record<string, unknown>; reminders: { reminderAfterDays: number } }>(await call(getMercadoPagoSettingsEndpoint, { headers: owner }), 200);
    expect(settings.connection).toMatchObject({ status: "ACTIVE", nickname: "DELSUR_PLOMERIA", mpUserId: "123456789" });
    expect(JSON.stringify(settings)).not.toMatch(/APP_USR|TG-/);
    await json(await call(updateMercadoPagoSettingsEndpoint, { body: { reminderAfterDays: 0 }, headers: owner }), 400);
    const saved = await json<{ reminders: Record<string, unknown> }>(await call(updateMercadoPagoSettingsEndpoint, { body: { reminderAfterDays: 5, maxReminders: 1 }, headers: owner }), 200);
    expect(saved.reminders).toEqual({ remindersEnabled: true, reminderAfterDays: 5, maxReminders: 1 });
  });
});

describe("POST /api/webhooks/mercadopago", () => {
  it("answers 200 to a genuine notification, 401 to a forged or replayed one, never reading the body first", async () => {
    const invoiceId = await authorizedInvoice();
    const link = await json<Link>(await call(createPaymentLinkEndpoint, { body: { invoiceId }, headers: owner }), 201);
    const paymentId = (await mp<{ id: number }>("POST", `/checkout/${link.checkoutUrl.split("/").at(-1)}/pay`, { card: "APRO" })).id;
    const [attempt] = await attemptsFor(String(paymentId), 1);
    const ok = await webhook(attempt!);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ received: true });
    const replay = await webhook(attempt!);
    expect(replay.status).toBe(401);
    const tampered = await webhook({ ...attempt!, url: attempt!.url.replace(`data.id=${paymentId}`, `data.id=${paymentId + 1}`) });
    expect(tampered.status).toBe(401);
    expect(await tampered.json()).toMatchObject({ error: { code: "INVALID_SIGNATURE" } });
    // The body is not signed (MercadoPago signs data.id, the request id and ts): a changed body under a used signature
    // is still a replay, and the worker re-reads the payment anyway.
    expect((await webhook({ ...attempt!, body: "no es json" })).status).toBe(401);
  });
});

describe("the OAuth callback as the browser sees it", () => {
  it("lands on the settings page with the outcome in Spanish: cancelled, stale state, someone else's, connected", async () => {
    const page = async (params: Record<string, string>, user: string | null = "demo-user-owner") =>
      decodeURIComponent((await finishMercadoPagoConnectionFromCallback(redis, { query: new URLSearchParams(params), signedInUserId: user })).replace(/\+/g, " "));
    expect(await page({ error: "access_denied", state: "x" })).toBe("/panel/cobros/mercadopago?error=Cancelaste la conexión en MercadoPago: no se vinculó ninguna cuenta.");
    expect(await page({ code: "TG-x", state: "unknown" })).toBe("/panel/cobros/mercadopago?error=El pedido de conexión venció o ya se usó: volvé a tocar «Conectar MercadoPago».");

    const { url } = await startMercadoPagoConnection(redis, { organizationId: ORG, userId: "demo-user-owner" });
    const q = new URL(url).searchParams;
    const { code } = await mp<{ code: string }>("POST", "/authorize", { seller_id: 123456789, redirect_uri: q.get("redirect_uri"), code_challenge: q.get("code_challenge"), code_challenge_method: "S256" });
    expect(await page({ code, state: q.get("state")! }, null)).toContain("La conexión la empezó otra persona");

    const { url: url2 } = await startMercadoPagoConnection(redis, { organizationId: ORG, userId: "demo-user-owner" });
    const q2 = new URL(url2).searchParams;
    const { code: code2 } = await mp<{ code: string }>("POST", "/authorize", { seller_id: 123456789, redirect_uri: q2.get("redirect_uri"), code_challenge: q2.get("code_challenge"), code_challenge_method: "S256" });
    expect(await page({ code: code2, state: q2.get("state")! })).toBe("/panel/cobros/mercadopago?conectado=DELSUR_PLOMERIA");
    expect(await adminDb().auditLog.count({ where: { action: "mercadopago.connected", actorId: "demo-user-owner" } })).toBe(1);
  });
});
