import { Redis } from "ioredis";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { decryptSecret } from "../../lib/crypto";
import { adminDb, withTenant } from "../../lib/db";
import { env } from "../../lib/env";
import { getQueue } from "../../workers/queue-registry";
import { findJob } from "../../workers/catalog"; // issue 22 (ops)
import { SEND_DEFERRED_JOB } from "../notifications/notifications-queue"; // issue 22 (ops)
import { reconcileDeferredNotifications } from "../reconcile/reconcile-deferred-notifications"; // issue 22 (ops)
import { createInvoice } from "../invoicing/create-invoice";
import { authorizeUntilSettled, installSandboxCertificate } from "../invoicing/invoicing-test-kit";
import { requestInvoiceAuthorization } from "../invoicing/request-invoice-authorization";
import { deliverMessage } from "../messaging/deliver-message";
import { refusedMercadoPagoWebhooks } from "./accept-mercadopago-webhook";
import { applyMercadoPagoPayment } from "./apply-mercadopago-payment";
import { createPaymentLink } from "./create-payment-link";
import { findOrganizationsByMpUser } from "./find-organizations-by-mp-user";
import { finishMercadoPagoConnection } from "./finish-mercadopago-connection";
import { getMercadoPagoAccessToken } from "./get-mercadopago-access-token";
import { attemptsFor, authorizedInvoice, deliver, freshPayments, MARTINA, mp, ORG, OWNER, sandboxEvents } from "./payments-test-kit";
import { reconcilePaymentLinks } from "./reconcile-payment-links";
import { recordManualPayment } from "./record-manual-payment";
import { refundPayment } from "./refund-payment";
import { sendPaymentReminders } from "./send-payment-reminders";
import { startMercadoPagoConnection } from "./start-mercadopago-connection";

// Payments against the suite's MercadoPago sandbox (apps/sandbox): the official SDK and our OAuth client over real
// HTTP, notifications signed by the sandbox exactly as MercadoPago signs them, and payment_confirmed reaching the
// customer's phone in the WhatsApp sandbox.
const redis = new Redis(env.REDIS_URL);
const WA_SANDBOX = new URL(env.META_GRAPH_API_URL).origin;

type MpPaymentJson = { id: number; status: string; status_detail: string; transaction_amount: number; external_reference: string };

const invoiceRow = (id: string) => adminDb().invoice.findUniqueOrThrow({ where: { id } });
const payWith = (preferenceId: string, card: string, amount?: number) => mp<MpPaymentJson>("POST", `/checkout/${preferenceId}/pay`, { card, ...(amount ? { amount } : {}) });

async function chargeInvoice(invoiceId: string, amountCents?: number) {
  return createPaymentLink(redis, { organizationId: ORG, userId: OWNER, target: { kind: "invoice", id: invoiceId }, ...(amountCents ? { amountCents } : {}) });
}

async function inbox(waId: string) {
  return (await (await fetch(`${WA_SANDBOX}/_sandbox/customers/${waId}/inbox`)).json()) as { payload?: { type?: string; text?: { body: string } } }[];
}

beforeEach(async () => {
  await freshPayments(redis);
});
afterAll(async () => {
  await fetch(`${WA_SANDBOX}/_sandbox/mercadopago/faults`, { method: "DELETE" });
  await redis.quit();
});

describe("connecting the business's MercadoPago account (OAuth)", () => {
  it("links through the consent page with a state bound to the person, seals the tokens, and refuses a stale, reused or foreign state", async () => {
    await adminDb().mercadoPagoConnection.deleteMany({});
    const { url } = await startMercadoPagoConnection(redis, { organizationId: ORG, userId: OWNER });
    const auth = new URL(url);
    expect(auth.pathname).toBe("/mercadopago/auth/authorization");
    expect(Object.fromEntries(auth.searchParams)).toMatchObject({ client_id: "sandbox-mp-client-id", response_type: "code", platform_id: "mp", code_challenge_method: "S256" });
    const state = auth.searchParams.get("state")!;
    // The seller presses "Permitir" on MercadoPago's page: the sandbox's consent form posts back the same parameters.
    const consent = await fetch(`${auth.origin}/mercadopago/auth/authorization`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ ...Object.fromEntries(auth.searchParams), seller_id: "123456789", decision: "allow" }).toString(),
      redirect: "manual",
    });
    expect(consent.status).toBe(302);
    const callback = new URL(consent.headers.get("location")!);
    expect(callback.pathname).toBe("/api/mercadopago/oauth/callback");
    expect(callback.searchParams.get("state")).toBe(state);
    const code = callback.searchParams.get("code")!;

    // Someone else signed in (a forwarded link) cannot finish it; the owner can, once.
    await expect(finishMercadoPagoConnection(redis, { state, code, signedInUserId: "demo-user-dispatcher" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const { url: again } = await startMercadoPagoConnection(redis, { organizationId: ORG, userId: OWNER });
    const state2 = new URL(again).searchParams.get("state")!;
    const { code: code2 } = await mp<{ code: string }>("POST", "/authorize", {
      seller_id: 123456789, redirect_uri: new URL(again).searchParams.get("redirect_uri"), code_challenge: new URL(again).searchParams.get("code_challenge"), code_challenge_method: "S256",
    });
    const linked = await finishMercadoPagoConnection(redis, { state: state2, code: code2, signedInUserId: OWNER });
    expect(linked).toEqual({ organizationId: ORG, nickname: "DELSUR_PLOMERIA" });
    await expect(finishMercadoPagoConnection(redis, { state: state2, code: code2, signedInUserId: OWNER })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });

    const row = await adminDb().mercadoPagoConnection.findUniqueOrThrow({ where: { organizationId: ORG } });
    expect(row).toMatchObject({ status: "ACTIVE", mpUserId: "123456789", nickname: "DELSUR_PLOMERIA", connectedById: OWNER });
    expect(row.accessTokenEncrypted).not.toContain("APP_USR");
    expect(decryptSecret(row.accessTokenEncrypted)).toMatch(/^APP_USR-/);
    expect(row.expiresAt.getTime() - Date.now()).toBeGreaterThan(179 * 86_400_000);
    expect(await findOrganizationsByMpUser("123456789")).toEqual([ORG]);
    expect(await findOrganizationsByMpUser("223456789")).toEqual([]);
  });

  it("refreshes a month before expiry, stores the rotated refresh token every time, and only one process refreshes", async () => {
    const before = await adminDb().mercadoPagoConnection.findUniqueOrThrow({ where: { organizationId: ORG } });
    const firstRefresh = decryptSecret(before.refreshTokenEncrypted);
    // 20 days left: inside the 30-day margin.
    await adminDb().mercadoPagoConnection.update({ where: { organizationId: ORG }, data: { expiresAt: new Date(Date.now() + 20 * 86_400_000) } });
    const tokens = await Promise.all([1, 2, 3].map(() => getMercadoPagoAccessToken(redis, ORG)));
    expect(new Set(tokens).size).toBe(1);
    const after = await adminDb().mercadoPagoConnection.findUniqueOrThrow({ where: { organizationId: ORG } });
    const secondRefresh = decryptSecret(after.refreshTokenEncrypted);
    expect(secondRefresh).not.toBe(firstRefresh);
    expect(decryptSecret(after.accessTokenEncrypted)).toBe(tokens[0]);
    expect(after.refreshedAt).not.toBeNull();
    const refreshes = (await mp<{ path: string; body: { grant_type?: string } }[]>("GET", "/requests?path=/oauth/token")).filter((r) => r.body.grant_type === "refresh_token");
    expect(refreshes).toHaveLength(1);

    // The old refresh token is dead at MercadoPago; the stored one works and rotates again.
    const old = await fetch(`${new URL(env.MERCADOPAGO_API_URL).href}/oauth/token`, {
      method: "POST", headers: { "content-type": "application/json" },
      body: JSON.stringify({ client_id: env.MERCADOPAGO_CLIENT_ID, client_secret: env.MERCADOPAGO_CLIENT_SECRET, grant_type: "refresh_token", refresh_token: firstRefresh }),
    });
    expect(old.status).toBe(400);
    await adminDb().mercadoPagoConnection.update({ where: { organizationId: ORG }, data: { expiresAt: new Date(Date.now() + 86_400_000) } });
    await getMercadoPagoAccessToken(redis, ORG);
    const third = await adminDb().mercadoPagoConnection.findUniqueOrThrow({ where: { organizationId: ORG } });
    expect(decryptSecret(third.refreshTokenEncrypted)).not.toBe(secondRefresh);
  });

  it("a seller who unlinks the app at MercadoPago: the mp-connect notification marks the link revoked and charging asks to reconnect", async () => {
    await mp("POST", "/application", { webhookUrl: "http://127.0.0.1:9/api/webhooks/mercadopago" });
    await mp("POST", "/sellers/123456789/revoke");
    const [attempt] = await attemptsFor("123456789", 1);
    const { results } = await deliver(redis, attempt!);
    expect(results).toEqual([{ organizationId: ORG, result: { outcome: "revoked" } }]);
    expect(await adminDb().mercadoPagoConnection.findUniqueOrThrow({ where: { organizationId: ORG } })).toMatchObject({ status: "REVOKED" });
    const invoiceId = await authorizedInvoice();
    await expect(chargeInvoice(invoiceId)).rejects.toThrow(/MercadoPago dejó de aceptar la conexión de tu cuenta/);
  });
});

describe("a payment link for an invoice, paid, notified and confirmed", () => {
  it("link → the customer pays with APRO → signed webhook → the invoice is paid → payment_confirmed reaches her phone", async () => {
    const invoiceId = await authorizedInvoice();
    const link = await chargeInvoice(invoiceId);
    expect(link).toMatchObject({ amountCents: 6_050_000, status: "OPEN", label: expect.stringMatching(/^Factura B 00002-\d{8}$/) });
    expect(link.pageUrl).toMatch(/^http:\/\/127\.0\.0\.1:9\/pago\/[\w-]+\.[\w-]{43}$/);
    const [preference] = await mp<{ id: string; external_reference: string; items: { title: string; unit_price: number }[]; notification_url: string; back_urls: { success: string } }[]>("GET", "/preferences?seller_id=123456789");
    expect(preference).toMatchObject({ id: link.preferenceId, external_reference: link.id, notification_url: "http://127.0.0.1:9/api/webhooks/mercadopago?source_news=webhooks" });
    // Items with IVA, adding up to the invoice's total.
    expect(preference!.items.map((i) => [i.title, i.unit_price])).toEqual([["Revisión de calefón", 45980], ["Repuesto: termocupla", 14520]]);
    expect(preference!.back_urls.success).toBe(`${link.pageUrl}?resultado=aprobado`);

    const payment = await payWith(link.preferenceId!, "APRO");
    expect(payment).toMatchObject({ status: "approved", external_reference: link.id, transaction_amount: 60500 });
    const attempts = await attemptsFor(String(payment.id), 1);
    const { results } = await deliver(redis, attempts[0]!);
    expect(results).toEqual([{ organizationId: ORG, result: expect.objectContaining({ outcome: "created", status: "APPROVED", confirmation: "sent" }) }]);

    const invoice = await invoiceRow(invoiceId);
    expect(invoice.paidCents).toBe(6_050_000);
    expect(invoice.paidAt).not.toBeNull();
    const stored = await adminDb().payment.findFirstOrThrow({ where: { mpPaymentId: String(payment.id) } });
    expect(stored).toMatchObject({ method: "MERCADOPAGO", status: "APPROVED", statusDetail: "accredited", amountCents: 6_050_000, linkId: link.id, invoiceId });
    expect(stored.confirmedAt).not.toBeNull();
    expect(await adminDb().paymentLink.findUniqueOrThrow({ where: { id: link.id } })).toMatchObject({ status: "PAID" });

    // What the outbound worker does next: the confirmation on Martina's phone.
    const message = await adminDb().whatsAppMessage.findFirstOrThrow({ where: { direction: "OUTBOUND", type: "TEMPLATE" }, orderBy: { createdAt: "desc" } });
    await deliverMessage({ organizationId: ORG, messageId: message.id });
    const received = (await inbox(MARTINA.waId)).map((m) => JSON.stringify(m.payload));
    expect(received.some((p) => p.includes("payment_confirmed") && p.includes("$ 60.500"))).toBe(true);

    // A second identical notification (MercadoPago retries, a new signature each time) changes nothing and sends nothing.
    await mp("POST", `/notifications/${(await sandboxEvents(String(payment.id)))[0]!.id}/resend`);
    const again = await attemptsFor(String(payment.id), 2);
    const second = await deliver(redis, again.at(-1)!);
    expect(second.results[0]!.result).toMatchObject({ outcome: "unchanged" });
    expect(await adminDb().whatsAppMessage.count({ where: { direction: "OUTBOUND", type: "TEMPLATE" } })).toBe(1);
  });

  it("partial payments add up: a part by MercadoPago and the rest in cash; more than what is due is refused", async () => {
    const invoiceId = await authorizedInvoice();
    const link = await chargeInvoice(invoiceId, 2_000_000);
    expect(link.amountCents).toBe(2_000_000);
    const payment = await payWith(link.preferenceId!, "APRO");
    await deliver(redis, (await attemptsFor(String(payment.id), 1))[0]!);
    expect(await invoiceRow(invoiceId)).toMatchObject({ paidCents: 2_000_000, paidAt: null });

    await expect(recordManualPayment({ organizationId: ORG, userId: OWNER, target: { kind: "invoice", id: invoiceId }, method: "CASH", amountCents: 5_000_000 })).rejects.toThrow(
      "Queda por cobrar $ 40.500: no se puede registrar $ 50.000.",
    );
    const cash = { organizationId: ORG, userId: OWNER, target: { kind: "invoice" as const, id: invoiceId }, method: "CASH" as const, amountCents: 4_050_000, requestKey: "cash-1" };
    const first = await recordManualPayment(cash);
    const repeated = await recordManualPayment(cash);
    expect(repeated.id).toBe(first.id);
    const invoice = await invoiceRow(invoiceId);
    expect(invoice).toMatchObject({ paidCents: 6_050_000 });
    expect(invoice.paidAt).not.toBeNull();
    await expect(chargeInvoice(invoiceId)).rejects.toThrow(/^Factura B 00002-\d{8} ya está pago\.$/);
  });
});

describe("notifications that arrive late, twice, out of order, or never", () => {
  it("out of order and duplicated: in_process → approved delivered newest first and twice each ends approved, confirmed once", async () => {
    await mp("POST", "/config", { outOfOrder: true, outOfOrderWindowMs: 400, duplicateNotifications: true });
    const invoiceId = await authorizedInvoice();
    const link = await chargeInvoice(invoiceId);
    const payment = await payWith(link.preferenceId!, "CONT");
    expect(payment.status).toBe("in_process");
    await mp("POST", `/payments/${payment.id}/status`, { status: "approved" });
    // created (in_process) and updated (approved), each sent twice, newest first.
    const attempts = await attemptsFor(String(payment.id), 4);
    expect(attempts).toHaveLength(4);
    const action = (a: { body: string }) => (JSON.parse(a.body) as { action: string }).action;
    expect(attempts.map(action).sort()).toEqual(["payment.created", "payment.created", "payment.updated", "payment.updated"]);
    // Processed newest first, each twice: the approval before the creation that preceded it.
    for (const attempt of [...attempts.filter((a) => action(a) === "payment.updated"), ...attempts.filter((a) => action(a) === "payment.created")]) await deliver(redis, attempt);
    const stored = await adminDb().payment.findFirstOrThrow({ where: { mpPaymentId: String(payment.id) } });
    expect(stored.status).toBe("APPROVED");
    expect((await invoiceRow(invoiceId)).paidCents).toBe(6_050_000);
    expect(await adminDb().whatsAppMessage.count({ where: { direction: "OUTBOUND", type: "TEMPLATE" } })).toBe(1);

    // A stale snapshot (what an old notification would have read) never moves it back.
    const stale = await applyMercadoPagoPayment(ORG, { id: payment.id, status: "in_process", status_detail: "pending_contingency", transaction_amount: 60500, external_reference: link.id });
    expect(stale).toMatchObject({ outcome: "unchanged", status: "APPROVED" });
  });

  it("a dropped notification is recovered by reconciliation (search by external_reference)", async () => {
    await mp("POST", "/config", { dropNotifications: 1 });
    const invoiceId = await authorizedInvoice();
    const link = await chargeInvoice(invoiceId);
    const payment = await payWith(link.preferenceId!, "APRO");
    const [event] = await sandboxEvents(String(payment.id));
    expect(event).toMatchObject({ dropped: true, attempts: [] });
    expect((await invoiceRow(invoiceId)).paidCents).toBe(0);

    const pass = await reconcilePaymentLinks(redis);
    expect(pass).toMatchObject({ links: 1, payments: 1, applied: 1, failed: 0 });
    expect(await invoiceRow(invoiceId)).toMatchObject({ paidCents: 6_050_000 });
    expect(await adminDb().paymentLink.findUniqueOrThrow({ where: { id: link.id } })).toMatchObject({ status: "PAID" });
    // Nothing left open: the next pass has nothing to ask.
    expect(await reconcilePaymentLinks(redis)).toMatchObject({ links: 0, applied: 0 });
  });

  it("a payment still in process is re-read until it settles, even without a notification", async () => {
    await mp("POST", "/config", { dropNotifications: 5 });
    const invoiceId = await authorizedInvoice();
    const link = await chargeInvoice(invoiceId);
    const payment = await payWith(link.preferenceId!, "CONT");
    await reconcilePaymentLinks(redis);
    expect(await adminDb().payment.findFirstOrThrow({ where: { mpPaymentId: String(payment.id) } })).toMatchObject({ status: "IN_PROCESS" });
    await mp("POST", `/payments/${payment.id}/status`, { status: "approved" });
    await reconcilePaymentLinks(redis);
    expect(await adminDb().payment.findFirstOrThrow({ where: { mpPaymentId: String(payment.id) } })).toMatchObject({ status: "APPROVED" });
    expect((await invoiceRow(invoiceId)).paidCents).toBe(6_050_000);
  });
});

describe("notifications that are refused or change nothing", () => {
  it("a forged signature, a stale timestamp and a replayed POST are refused (401) and counted; nothing is enqueued", async () => {
    const invoiceId = await authorizedInvoice();
    const link = await chargeInvoice(invoiceId);
    await mp("POST", "/config", { signWithSecret: "not-the-real-secret" });
    const forged = await payWith(link.preferenceId!, "APRO");
    const [attempt] = await attemptsFor(String(forged.id), 1);
    await expect(deliver(redis, attempt!)).rejects.toMatchObject({ code: "INVALID_SIGNATURE", status: 401 });

    await mp("POST", "/config", { signWithSecret: null });
    await mp("POST", `/notifications/${(await sandboxEvents(String(forged.id)))[0]!.id}/resend`);
    const genuine = (await attemptsFor(String(forged.id), 2)).at(-1)!;
    await expect(deliver(redis, genuine, { now: Date.now() + 6 * 60_000 })).rejects.toMatchObject({ code: "INVALID_SIGNATURE" });
    await deliver(redis, genuine);
    await expect(deliver(redis, genuine)).rejects.toMatchObject({ code: "INVALID_SIGNATURE" });
    const missing = { ...genuine, headers: { ...genuine.headers, "x-signature": "" } };
    await expect(deliver(redis, missing)).rejects.toMatchObject({ code: "INVALID_SIGNATURE" });

    expect(await refusedMercadoPagoWebhooks(redis)).toEqual({ mismatch: 1, stale: 1, replayed: 1, missing: 1, malformed: 0 });
    expect(await getQueue("payments").count()).toBe(0);
    expect(await adminDb().payment.count()).toBe(1);
  });

  it("another seller's payment, or a payment not made from one of our links, changes nothing", async () => {
    // Organization B links seller 223456789 and charges its own customer.
    await adminDb().organization.create({ data: { id: "org-b", name: "Gas Norte", cuit: "20267565393" } });
    await adminDb().customer.create({ data: { id: "org-b-c", organizationId: "org-b", phone: "+5491166660000", name: "Cliente B" } });
    const { connectSandboxSeller } = await import("./connect-sandbox-seller");
    await connectSandboxSeller("org-b", "223456789");
    const invoiceId = await authorizedInvoice();
    const link = await chargeInvoice(invoiceId);
    const paid = await payWith(link.preferenceId!, "APRO");
    const [attempt] = await attemptsFor(String(paid.id), 1);
    // The same notification claiming to be about B's seller: B's token cannot read A's payment (404), nothing changes.
    const forB = { ...attempt!, body: attempt!.body.replace('"user_id":123456789', '"user_id":223456789') };
    expect((await deliver(redis, forB)).results).toEqual([{ organizationId: "org-b", result: { outcome: "not_found" } }]);
    expect(await adminDb().payment.count()).toBe(0);
    // A payment whose external_reference is not one of our links (made outside CampoTech): ignored.
    expect(await applyMercadoPagoPayment(ORG, { id: 999, status: "approved", transaction_amount: 10, external_reference: "not-ours" })).toEqual({ outcome: "unknown_reference" });
    expect(await adminDb().payment.count()).toBe(0);
  });
});

describe("refunds", () => {
  it("a partial refund at MercadoPago lowers what is paid, repeats do nothing, and more than what is left is refused in Spanish", async () => {
    const invoiceId = await authorizedInvoice();
    const link = await chargeInvoice(invoiceId);
    const payment = await payWith(link.preferenceId!, "APRO");
    await deliver(redis, (await attemptsFor(String(payment.id), 1))[0]!);
    const stored = await adminDb().payment.findFirstOrThrow({ where: { mpPaymentId: String(payment.id) } });

    const refund = { organizationId: ORG, userId: OWNER, paymentId: stored.id, amountCents: 1_000_000, reason: "Se cobró de más el repuesto", requestKey: "refund-1" };
    const first = await refundPayment(redis, refund);
    const repeated = await refundPayment(redis, refund);
    expect(repeated.id).toBe(first.id);
    const atMp = await mp<{ id: number; status: string; status_detail: string; transaction_amount_refunded: number }[]>("GET", "/payments?seller_id=123456789");
    expect(atMp[0]).toMatchObject({ status: "approved", status_detail: "partially_refunded", transaction_amount_refunded: 10000 });
    expect(await adminDb().payment.findUniqueOrThrow({ where: { id: stored.id } })).toMatchObject({ status: "APPROVED", refundedCents: 1_000_000 });
    expect(await invoiceRow(invoiceId)).toMatchObject({ paidCents: 5_050_000, paidAt: null });
    // The link that was paid stays paid: what is due again gets a new link, never this one for its whole amount.
    expect(await adminDb().paymentLink.findUniqueOrThrow({ where: { id: link.id } })).toMatchObject({ status: "PAID" });
    const audit = await adminDb().auditLog.findFirstOrThrow({ where: { action: "payment.refunded" } });
    expect(audit).toMatchObject({ actorId: OWNER, entityId: stored.id });

    await expect(refundPayment(redis, { ...refund, amountCents: 6_000_000, requestKey: "refund-2" })).rejects.toThrow(
      "No se puede devolver $ 60.000: de este pago queda $ 50.500 para devolver.",
    );
    // MercadoPago's own payment.updated for the refund agrees with what we stored (refunds only grow).
    const attempts = await attemptsFor(String(payment.id), 2);
    await deliver(redis, attempts.at(-1)!);
    expect(await adminDb().payment.findUniqueOrThrow({ where: { id: stored.id } })).toMatchObject({ refundedCents: 1_000_000, status: "APPROVED" });

    // The rest: the payment is refunded in full.
    await refundPayment(redis, { ...refund, amountCents: null, requestKey: "refund-3" });
    expect(await adminDb().payment.findUniqueOrThrow({ where: { id: stored.id } })).toMatchObject({ status: "REFUNDED", refundedCents: 6_050_000 });
    expect((await invoiceRow(invoiceId)).paidCents).toBe(0);
  });
});

describe("a job charged before it is invoiced", () => {
  it("a seña in cash on the job's quote moves to the invoice ARCA authorizes, which then asks only for the rest", async () => {
    await installSandboxCertificate(ORG);
    const job = await adminDb().job.create({
      data: {
        organizationId: ORG, number: 500, customerId: MARTINA.id, address: "Av. Rivadavia 4520", serviceType: "GAS", description: "Cambio de calefón", status: "completed",
        lineItems: { create: [{ organizationId: ORG, position: 0, description: "Calefón 14 l + instalación", quantityMilli: 1000, unitPriceCents: 10_000_000, ivaRateBps: 2100 }] },
      },
    });
    await expect(recordManualPayment({ organizationId: ORG, userId: OWNER, target: { kind: "job", id: job.id }, method: "TRANSFER", amountCents: 13_000_000 })).rejects.toThrow(
      "Queda por cobrar $ 121.000: no se puede registrar $ 130.000.",
    );
    await recordManualPayment({ organizationId: ORG, userId: OWNER, target: { kind: "job", id: job.id }, method: "TRANSFER", amountCents: 5_000_000, note: "Seña" });
    expect(await adminDb().job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ paidCents: 5_000_000, paidAt: null });

    const invoice = await withTenant(ORG, (tx) => createInvoice(tx, { userId: OWNER }, { organizationId: ORG, jobId: job.id }));
    await withTenant(ORG, (tx) => requestInvoiceAuthorization(tx, { userId: OWNER }, { organizationId: ORG, invoiceId: invoice.id }));
    expect(await authorizeUntilSettled(ORG, invoice.id, { redis })).toMatchObject({ outcome: "authorized" });
    expect(await invoiceRow(invoice.id)).toMatchObject({ totalCents: 12_100_000, paidCents: 5_000_000, paidAt: null });
    await expect(createPaymentLink(redis, { organizationId: ORG, userId: OWNER, target: { kind: "job", id: job.id } })).rejects.toThrow("El trabajo #500 ya está facturado: cobrá la factura.");
    const link = await chargeInvoice(invoice.id);
    expect(link.amountCents).toBe(7_100_000);
    const payment = await payWith(link.preferenceId!, "APRO");
    await deliver(redis, (await attemptsFor(String(payment.id), 1))[0]!);
    const paid = await invoiceRow(invoice.id);
    expect(paid.paidCents).toBe(12_100_000);
    expect(paid.paidAt).not.toBeNull();
  });
});

describe("payment reminders", () => {
  it("an unpaid invoice gets payment_reminder with its payment page after the configured days, at most N times", async () => {
    const organization = await adminDb().organization.findUniqueOrThrow({ where: { id: ORG } });
    await adminDb().organization.update({ where: { id: ORG }, data: { settings: { ...(organization.settings as object), payments: { reminderAfterDays: 3, maxReminders: 2 } } } });
    const due = await authorizedInvoice({ authorizedDaysAgo: 4 });
    const recent = await authorizedInvoice({ authorizedDaysAgo: 1 });
    // Tomorrow at 11:00 in Buenos Aires (outside quiet hours).
    const base = new Date(Date.now() + 86_400_000);
    base.setUTCHours(14, 0, 0, 0);
    const days = (n: number) => new Date(base.getTime() + n * 86_400_000);

    expect(await sendPaymentReminders(redis, { now: base })).toEqual({ sent: 1, deferred: 0, failed: 0 });
    expect(await invoiceRow(due)).toMatchObject({ paymentRemindersSent: 1 });
    expect(await invoiceRow(recent)).toMatchObject({ paymentRemindersSent: 0 });
    // MercadoPago is connected: the reminder carries a payment link made for it.
    const link = await adminDb().paymentLink.findFirstOrThrow({ where: { invoiceId: due } });
    expect(link).toMatchObject({ status: "OPEN", amountCents: 6_050_000, createdById: null });
    const message = await adminDb().whatsAppMessage.findFirstOrThrow({ where: { direction: "OUTBOUND" }, orderBy: { createdAt: "desc" } });
    await deliverMessage({ organizationId: ORG, messageId: message.id });
    const received = (await inbox(MARTINA.waId)).map((m) => JSON.stringify(m.payload));
    expect(received.some((p) => p.includes("payment_reminder") && p.includes("$ 60.500") && p.includes("/pago/"))).toBe(true);

    // An hour later: nothing new. Four days later: the second and last. Eight days later: none (max 2).
    expect(await sendPaymentReminders(redis, { now: new Date(base.getTime() + 3600_000) })).toEqual({ sent: 0, deferred: 0, failed: 0 });
    expect(await sendPaymentReminders(redis, { now: days(4) })).toMatchObject({ sent: 2 });
    expect(await invoiceRow(due)).toMatchObject({ paymentRemindersSent: 2 });
    expect(await invoiceRow(recent)).toMatchObject({ paymentRemindersSent: 1 });
    await sendPaymentReminders(redis, { now: days(8) });
    expect(await invoiceRow(due)).toMatchObject({ paymentRemindersSent: 2 });
    // Paid: no more reminders for it.
    await recordManualPayment({ organizationId: ORG, userId: OWNER, target: { kind: "invoice", id: recent }, method: "TRANSFER", amountCents: 6_050_000 });
    expect(await sendPaymentReminders(redis, { now: days(12) })).toEqual({ sent: 0, deferred: 0, failed: 0 });
  });
});

// issue 22 (ops): a reminder deferred by quiet hours is a DeferredNotification row, so a Redis that loses the delayed
// job loses nothing: the reconcile re-arms it, it goes out in the morning, once.
describe("payment reminders deferred by quiet hours", () => {
  it("survive Redis losing the delayed job and go out once", async () => {
    const organization = await adminDb().organization.findUniqueOrThrow({ where: { id: ORG } });
    await adminDb().organization.update({ where: { id: ORG }, data: { settings: { ...(organization.settings as object), payments: { reminderAfterDays: 3, maxReminders: 2 } } } });
    const due = await authorizedInvoice({ authorizedDaysAgo: 4 });
    // 22:00 in Buenos Aires (01:00 UTC); quiet hours end at 08:00, ten hours later.
    const night = new Date(Date.now() + 2 * 86_400_000);
    night.setUTCHours(1, 0, 0, 0);
    const morning = new Date(night.getTime() + 10 * 3600_000);

    expect(await sendPaymentReminders(redis, { now: night })).toEqual({ sent: 0, deferred: 1, failed: 0 });
    const row = await adminDb().deferredNotification.findFirstOrThrow({ where: { organizationId: ORG } });
    expect(row).toMatchObject({ key: `deferred-${ORG}-payment-reminder-${due}-1`, sendAt: morning, sentAt: null });

    await redis.flushdb();
    expect(await reconcileDeferredNotifications({ now: new Date(night.getTime() + 3600_000) })).toEqual({ pending: 1, rearmed: 1, pruned: 0 });
    const job = await getQueue("notifications").getJob(row.key);
    expect(job!.timestamp + job!.opts.delay!).toBe(morning.getTime());
    const definition = findJob(SEND_DEFERRED_JOB)!;
    const run = () => definition.handler(definition.schema.parse(job!.data), { jobId: job!.id!, attempt: 1, logger: console as never });
    expect(await run()).toMatchObject({ status: "sent" });
    expect(await run()).toEqual({ status: "already_sent" });
    // The pass itself does not remind again for the deferred one (it counted it when it deferred it).
    expect(await sendPaymentReminders(redis, { now: new Date(morning.getTime() + 3600_000) })).toEqual({ sent: 0, deferred: 0, failed: 0 });
    const sent = await adminDb().outboundDelivery.findMany({ where: { idempotencyKey: { startsWith: "notification-payment-reminder-" } } });
    expect(sent.map((d) => d.idempotencyKey)).toEqual([`notification-payment-reminder-${due}-1`]);
  });
});
