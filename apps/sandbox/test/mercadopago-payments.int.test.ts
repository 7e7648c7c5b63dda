import { describe, expect, it } from "vitest";
import { createPreference, linkSeller, type MpSandbox, pay, preferenceBody, SELLERS, useMercadoPagoSandbox } from "./mercadopago-helpers.ts";

let sb: MpSandbox;
useMercadoPagoSandbox((s) => {
  sb = s;
});

const PAYMENT_NOT_FOUND = { message: "Payment not found", error: "not_found", status: 404 };
const getPayment = (id: number | string, token: string) => sb.call("GET", `/mercadopago/v1/payments/${id}`, { token });
const refund = (id: number, token: string, body?: unknown, key: string | null = crypto.randomUUID()) =>
  sb.call("POST", `/mercadopago/v1/payments/${id}/refunds`, { token, ...(body !== undefined ? { json: body } : {}), headers: key ? { "x-idempotency-key": key } : {} });

async function paidPayment(card = "APRO", extra: Record<string, unknown> = {}, sellerId: number = SELLERS.demo) {
  const { access_token } = await linkSeller(sb, sellerId);
  const pref = await createPreference(sb, access_token, preferenceBody(undefined, extra));
  return { token: access_token, pref, payment: await pay(sb, pref.id, card) };
}

describe("GET /v1/payments/{id}", () => {
  it("answers MercadoPago's payment JSON, with the preference's data where MP puts it", async () => {
    const { token, payment } = await paidPayment("APRO", { metadata: { invoice_id: "inv_1" }, marketplace_fee: 1210 });
    const res = await getPayment(payment.id, token);
    expect(res.status).toBe(200);
    const p = res.json;
    expect(p).toMatchObject({
      id: payment.id,
      status: "approved",
      status_detail: "accredited",
      transaction_amount: 45980,
      transaction_amount_refunded: 0,
      currency_id: "ARS",
      external_reference: "org_42:invoice_1542",
      collector_id: SELLERS.demo,
      payment_method_id: "master",
      payment_type_id: "credit_card",
      operation_type: "regular_payment",
      installments: 1,
      live_mode: false,
      description: "Cambio de canilla monocomando",
      metadata: { invoice_id: "inv_1" },
      order: { type: "mercadopago" },
      refunds: [],
      statement_descriptor: "DELSUR",
      captured: true,
      processing_mode: "aggregator",
      fee_details: [{ type: "application_fee", amount: 1210, fee_payer: "collector" }],
      transaction_details: { net_received_amount: 44770, total_paid_amount: 45980 },
    });
    expect(typeof p.id).toBe("number");
    expect(p).not.toHaveProperty("preference_id");
    expect(p.order.id).toMatch(/^\d{11}$/);
    expect(p.date_approved).toMatch(/-04:00$/);
    expect(p.additional_info.items[0]).toMatchObject({ id: "WO-2026-00123", quantity: "2", unit_price: "12990" });
  });

  it("a seller's token never reaches another seller's payment: 404 like an id that does not exist", async () => {
    const { payment } = await paidPayment();
    const gas = await linkSeller(sb, SELLERS.gas);
    const res = await getPayment(payment.id, gas.access_token);
    expect(res.status).toBe(404);
    expect(res.json).toMatchObject(PAYMENT_NOT_FOUND);
    expect(res.json.cause[0]).toMatchObject({ code: 2000, description: "Payment not found" });
    expect((await getPayment(99999999999, gas.access_token)).json).toMatchObject(PAYMENT_NOT_FOUND);
    expect((await refund(payment.id, gas.access_token)).status).toBe(404);
  });
});

describe("GET /v1/payments/search", () => {
  it("filters by external_reference within the seller, sorts, pages", async () => {
    const demo = await linkSeller(sb, SELLERS.demo);
    const gas = await linkSeller(sb, SELLERS.gas);
    const mine = await createPreference(sb, demo.access_token, preferenceBody(undefined, { external_reference: "org_42:invoice_7" }));
    const other = await createPreference(sb, demo.access_token, preferenceBody(undefined, { external_reference: "org_42:invoice_8" }));
    const theirs = await createPreference(sb, gas.access_token, preferenceBody(undefined, { external_reference: "org_42:invoice_7" }));
    const first = await pay(sb, mine.id, "OTHE");
    const second = await pay(sb, mine.id, "APRO");
    await pay(sb, other.id, "APRO");
    await pay(sb, theirs.id, "APRO");

    const q = (params: string, token = demo.access_token) => sb.call("GET", `/mercadopago/v1/payments/search?${params}`, { token });
    const desc = await q("external_reference=org_42:invoice_7&sort=date_created&criteria=desc");
    expect(desc.status).toBe(200);
    expect(desc.json.paging).toEqual({ total: 2, limit: 30, offset: 0 });
    expect(desc.json.results.map((p: { id: number }) => p.id)).toEqual([second.id, first.id]);
    expect(desc.json.results[0]).toMatchObject({ status: "approved", external_reference: "org_42:invoice_7", collector_id: SELLERS.demo });

    const asc = await q("external_reference=org_42:invoice_7&sort=date_created&criteria=asc&limit=1&offset=1");
    expect(asc.json.paging).toEqual({ total: 2, limit: 1, offset: 1 });
    expect(asc.json.results.map((p: { id: number }) => p.id)).toEqual([second.id]);

    expect((await q("")).json.paging.total).toBe(3);
    expect((await q("external_reference=org_42:invoice_7", gas.access_token)).json.paging.total).toBe(1);
    expect((await q("external_reference=nada")).json).toEqual({ paging: { total: 0, limit: 30, offset: 0 }, results: [] });
    expect((await q("status=rejected")).json.results.map((p: { id: number }) => p.id)).toEqual([first.id]);

    const badSort = await q("sort=amount");
    expect(badSort.status).toBe(400);
    expect(badSort.json.cause[0]).toMatchObject({ code: 1003, description: "Invalid sort value." });
    expect((await q("criteria=up")).json.cause[0].code).toBe(1004);
  });
});

describe("refunds", () => {
  it("partial refunds accumulate and the one that completes the amount turns the payment refunded", async () => {
    const { token, payment } = await paidPayment();
    const first = await refund(payment.id, token, { amount: 10000 });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ payment_id: payment.id, amount: 10000, status: "approved", refund_mode: "standard", source: { id: String(SELLERS.demo), type: "collector" } });
    expect(typeof first.json.id).toBe("number");
    let p = (await getPayment(payment.id, token)).json;
    expect(p).toMatchObject({ status: "approved", status_detail: "partially_refunded", transaction_amount_refunded: 10000 });

    const tooMuch = await refund(payment.id, token, { amount: 35980.01 });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.json).toMatchObject({ error: "bad_request", status: 400 });
    expect(tooMuch.json.cause[0]).toMatchObject({ code: 2017, description: "Invalid transaction_amount for update" });

    const rest = await refund(payment.id, token, { amount: 35980 });
    expect(rest.status).toBe(201);
    p = (await getPayment(payment.id, token)).json;
    expect(p).toMatchObject({ status: "refunded", status_detail: "refunded", transaction_amount_refunded: 45980 });
    expect(p.refunds.map((r: { amount: number }) => r.amount)).toEqual([10000, 35980]);

    // Nothing left: the total refund is a state problem, an explicit amount an amount problem.
    expect((await refund(payment.id, token, {})).json.cause[0].code).toBe(2063);
    expect((await refund(payment.id, token, { amount: 1 })).json.cause[0].code).toBe(2017);
    const list = await sb.call("GET", `/mercadopago/v1/payments/${payment.id}/refunds`, { token });
    expect(list.json.map((r: { id: number }) => r.id)).toEqual([first.json.id, rest.json.id]);
    const one = await sb.call("GET", `/mercadopago/v1/payments/${payment.id}/refunds/${first.json.id}`, { token });
    expect(one.json.amount).toBe(10000);
  });

  it("an empty body refunds the whole payment; only approved payments refund", async () => {
    const { token, payment } = await paidPayment();
    const total = await refund(payment.id, token, {});
    expect(total.status).toBe(201);
    expect(total.json.amount).toBe(45980);
    expect((await getPayment(payment.id, token)).json.status).toBe("refunded");

    const rejected = await paidPayment("OTHE");
    const res = await refund(rejected.payment.id, rejected.token);
    expect(res.status).toBe(400);
    expect(res.json.cause[0]).toMatchObject({ code: 2063, description: "The action requested is not valid for the current payment state" });
    expect((await refund(rejected.payment.id, rejected.token, { amount: -5 })).json.cause[0].code).toBe(4040);
    expect((await refund(rejected.payment.id, rejected.token, { amount: "5" })).json.cause[0].code).toBe(4041);
  });

  it("X-Idempotency-Key is required, and a repeated key answers 200 with an empty body and refunds nothing", async () => {
    const { token, payment } = await paidPayment();
    const none = await refund(payment.id, token, { amount: 100 }, null);
    expect(none.status).toBe(400);
    expect(none.json.cause[0]).toMatchObject({ code: 4292, description: "Header X-Idempotency-Key can't be null" });

    const first = await refund(payment.id, token, { amount: 100 }, "refund-inv1542-1");
    expect(first.status).toBe(201);
    const replay = await refund(payment.id, token, { amount: 100 }, "refund-inv1542-1");
    expect(replay.status).toBe(200);
    expect(replay.text).toBe("");
    const p = (await getPayment(payment.id, token)).json;
    expect(p.transaction_amount_refunded).toBe(100);
    expect(p.refunds).toHaveLength(1);
  });
});

describe("status changes (control)", () => {
  it("moves a CONT payment to approved, and an approved one to charged_back", async () => {
    const { token, payment } = await paidPayment("CONT");
    expect(payment).toMatchObject({ status: "in_process", status_detail: "pending_contingency", date_approved: null });
    const approved = await sb.call("POST", `/_sandbox/mercadopago/payments/${payment.id}/status`, { json: { status: "approved" } });
    expect(approved.status).toBe(200);
    const p = (await getPayment(payment.id, token)).json;
    expect(p).toMatchObject({ status: "approved", status_detail: "accredited" });
    expect(p.date_approved).toMatch(/-04:00$/);
    expect(Date.parse(p.date_last_updated)).toBeGreaterThanOrEqual(Date.parse(p.date_created));

    await sb.call("POST", `/_sandbox/mercadopago/payments/${payment.id}/status`, { json: { status: "charged_back", status_detail: "settled" } });
    expect((await getPayment(payment.id, token)).json).toMatchObject({ status: "charged_back", status_detail: "settled" });
    const bad = await sb.call("POST", `/_sandbox/mercadopago/payments/${payment.id}/status`, { json: { status: "paid" } });
    expect(bad.status).toBe(400);
  });

  it("refunded from outside refunds what was left", async () => {
    const { token, payment } = await paidPayment();
    await refund(payment.id, token, { amount: 980 });
    await sb.call("POST", `/_sandbox/mercadopago/payments/${payment.id}/status`, { json: { status: "refunded" } });
    expect((await getPayment(payment.id, token)).json).toMatchObject({ status: "refunded", transaction_amount_refunded: 45980 });
  });
});
