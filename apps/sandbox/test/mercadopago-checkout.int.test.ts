import { describe, expect, it } from "vitest";
import { createPreference, linkSeller, type MpSandbox, pay, preferenceBody, useMercadoPagoSandbox } from "./mercadopago-helpers.ts";

let sb: MpSandbox;
useMercadoPagoSandbox((s) => {
  sb = s;
});

const NBSP = "\u00a0";

async function newPreference(extra: Record<string, unknown> = {}) {
  const { access_token } = await linkSeller(sb);
  return { token: access_token, pref: await createPreference(sb, access_token, preferenceBody(undefined, extra)) };
}

/** What the customer's browser does when they press a button on the checkout page. */
const submit = (prefId: string, form: Record<string, string>) => sb.call("POST", `/mercadopago/checkout/pay/${prefId}`, { form });
const paymentIdFrom = (location: string) => Number(new URL(location, sb.url).searchParams.get("payment_id"));

describe("Checkout Pro page", () => {
  it("shows the business, the items and the total in pesos, with one button per test card and a partial payment", async () => {
    const { pref } = await newPreference();
    const res = await sb.call("GET", `/mercadopago/checkout/pay/${pref.id}`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('<html lang="es-AR">');
    expect(res.text).toContain("Del Sur Plomería");
    expect(res.text).toContain("Cambio de canilla monocomando");
    expect(res.text).toContain(`2 × <span class="num">$${NBSP}12.990,00</span>`);
    expect(res.text).toContain(`<span>Total</span><span class="num">$${NBSP}45.980,00</span>`);
    for (const card of ["APRO", "OTHE", "CONT", "CALL", "FUND", "SECU", "EXPI", "FORM"]) expect(res.text).toContain(`name="card" value="${card}"`);
    expect(res.text).toContain("Pagar una parte");
    expect((await sb.call("GET", "/mercadopago/checkout/pay/123456789-no-existe")).text).toContain("No encontramos este link de pago");
  });

  it("APRO with auto_return approved sends the customer to back_urls.success with MercadoPago's query", async () => {
    const { pref, token } = await newPreference();
    const res = await submit(pref.id, { card: "APRO" });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get("location") as string);
    expect(`${location.origin}${location.pathname}`).toBe("http://127.0.0.1:3000/pago/ok");
    const q = Object.fromEntries(location.searchParams);
    expect(q).toEqual({
      collection_id: q.payment_id,
      collection_status: "approved",
      payment_id: expect.stringMatching(/^\d{11}$/),
      status: "approved",
      external_reference: "org_42:invoice_1542",
      payment_type: "credit_card",
      merchant_order_id: expect.stringMatching(/^\d{11}$/),
      preference_id: pref.id,
      site_id: "MLA",
      processing_mode: "aggregator",
      merchant_account_id: "null",
    });
    const payment = await sb.call("GET", `/mercadopago/v1/payments/${q.payment_id}`, { token });
    expect(payment.json).toMatchObject({ status: "approved", status_detail: "accredited", transaction_amount: 45980, order: { id: q.merchant_order_id, type: "mercadopago" } });
  });

  it("each test card holder produces its documented result", async () => {
    const { pref, token } = await newPreference({ auto_return: "all" });
    const expected: Record<string, [string, string, string]> = {
      APRO: ["approved", "accredited", "/pago/ok"],
      OTHE: ["rejected", "cc_rejected_other_reason", "/pago/error"],
      CONT: ["in_process", "pending_contingency", "/pago/pendiente"],
      CALL: ["rejected", "cc_rejected_call_for_authorize", "/pago/error"],
      FUND: ["rejected", "cc_rejected_insufficient_amount", "/pago/error"],
      SECU: ["rejected", "cc_rejected_bad_filled_security_code", "/pago/error"],
      EXPI: ["rejected", "cc_rejected_bad_filled_date", "/pago/error"],
      FORM: ["rejected", "cc_rejected_bad_filled_other", "/pago/error"],
    };
    for (const [card, [status, detail, path]] of Object.entries(expected)) {
      const res = await submit(pref.id, { card });
      expect(res.status).toBe(302);
      const location = new URL(res.headers.get("location") as string);
      expect({ card, path: location.pathname, status: location.searchParams.get("status") }).toEqual({ card, path, status });
      const payment = await sb.call("GET", `/mercadopago/v1/payments/${location.searchParams.get("payment_id")}`, { token });
      expect({ card, status: payment.json.status, detail: payment.json.status_detail, holder: payment.json.card.cardholder.name }).toEqual({ card, status, detail, holder: card });
    }
    // A link can be paid more than once, as Checkout Pro links can.
    expect((await sb.call("GET", "/_sandbox/mercadopago/payments")).json).toHaveLength(8);
  });

  it("without auto_return (or when it does not apply) shows a result page with the way back", async () => {
    const { pref } = await newPreference();
    const rejected = await submit(pref.id, { card: "FUND" });
    expect(rejected.status).toBe(303);
    const page = await sb.call("GET", rejected.headers.get("location") as string);
    expect(page.text).toContain("No pudimos procesar tu pago");
    expect(page.text).toContain("La tarjeta no tiene saldo suficiente.");
    expect(page.text).toContain("Probar con otra tarjeta");
    expect(page.text).toContain(`href="http://127.0.0.1:3000/pago/error?collection_id=${paymentIdFrom(rejected.headers.get("location") as string)}`);

    const pending = await submit(pref.id, { card: "CONT" });
    expect((await sb.call("GET", pending.headers.get("location") as string)).text).toContain("Estamos procesando tu pago");

    const { pref: manual } = await newPreference({ auto_return: undefined });
    const approved = await submit(manual.id, { card: "APRO" });
    expect(approved.status).toBe(303);
    const ok = await sb.call("GET", approved.headers.get("location") as string);
    expect(ok.text).toContain("¡Listo! Se acreditó tu pago");
    expect(ok.text).toContain(`$${NBSP}45.980,00`);
    expect(ok.text).toContain("Volver al sitio");
  });

  it("'Pagar una parte' pays the amount typed the Argentine way, never more than the total", async () => {
    const { pref, token } = await newPreference();
    const res = await submit(pref.id, { card: "APRO", amount: "10.000,50" });
    expect(res.status).toBe(302);
    const id = new URL(res.headers.get("location") as string).searchParams.get("payment_id");
    const payment = await sb.call("GET", `/mercadopago/v1/payments/${id}`, { token });
    expect(payment.json).toMatchObject({ status: "approved", transaction_amount: 10000.5, transaction_details: { total_paid_amount: 10000.5 } });

    const tooMuch = await submit(pref.id, { card: "APRO", amount: "45.980,01" });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.text).toContain("no puede superar el total");
    const garbage = await submit(pref.id, { card: "APRO", amount: "mucho" });
    expect(garbage.status).toBe(400);
    expect(garbage.text).toContain("Escribí el monto en pesos");

    const shortcut = await pay(sb, pref.id, "APRO", 5000);
    expect(shortcut.transaction_amount).toBe(5000);
    expect((await sb.call("GET", "/_sandbox/mercadopago/payments")).json.map((p: { transaction_amount: number }) => p.transaction_amount)).toEqual([10000.5, 5000]);
  });

  it("an expired preference says so and cannot be paid", async () => {
    const { pref } = await newPreference({ expires: true, expiration_date_from: "2026-01-01T00:00:00.000-03:00", expiration_date_to: "2026-02-01T00:00:00.000-03:00" });
    const page = await sb.call("GET", `/mercadopago/checkout/pay/${pref.id}`);
    expect(page.text).toContain("Este link de pago venció");
    expect(page.text).not.toContain('name="card"');
    expect((await submit(pref.id, { card: "APRO" })).text).toContain("Este link de pago venció");
    const control = await sb.call("POST", `/_sandbox/mercadopago/checkout/${pref.id}/pay`, { json: { card: "APRO" } });
    expect(control.status).toBe(410);
    expect((await sb.call("GET", "/_sandbox/mercadopago/payments")).json).toEqual([]);

    const { pref: open } = await newPreference({ expires: true, expiration_date_to: new Date(Date.now() + 3600_000).toISOString() });
    expect((await sb.call("GET", `/mercadopago/checkout/pay/${open.id}`)).text).toContain('name="card" value="APRO"');
    await sb.call("POST", "/_sandbox/mercadopago/config", { json: { clockOffsetMs: 2 * 3600_000 } });
    expect((await sb.call("GET", `/mercadopago/checkout/pay/${open.id}`)).text).toContain("Este link de pago venció");
  });
});
