import { describe, expect, it } from "vitest";
import { createPreference, linkSeller, type MpSandbox, preferenceBody, SELLERS, useMercadoPagoSandbox } from "./mercadopago-helpers.ts";

let sb: MpSandbox;
useMercadoPagoSandbox((s) => {
  sb = s;
});

const post = (token: string | undefined, body: unknown, headers: Record<string, string> = {}) =>
  sb.call("POST", "/mercadopago/checkout/preferences", { ...(token ? { token } : {}), json: body, headers });

describe("POST /checkout/preferences", () => {
  it("answers MercadoPago's preference with init_point to the sandbox's checkout page", async () => {
    const { access_token } = await linkSeller(sb);
    const res = await post(access_token, preferenceBody(undefined, { notification_url: "https://api.campotech.test/webhooks/mercadopago?source_news=webhooks", marketplace_fee: 1210, metadata: { invoice_id: "inv_1" } }));
    expect(res.status).toBe(201);
    const pref = res.json;
    expect(pref.id).toMatch(/^123456789-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(pref.init_point).toBe(`${sb.url}/mercadopago/checkout/pay/${pref.id}`);
    expect(pref.sandbox_init_point).toBe(pref.init_point);
    expect(pref).toMatchObject({
      collector_id: SELLERS.demo,
      client_id: "sandbox-mp-client-id",
      operation_type: "regular_payment",
      external_reference: "org_42:invoice_1542",
      notification_url: "https://api.campotech.test/webhooks/mercadopago?source_news=webhooks",
      back_urls: { success: "http://127.0.0.1:3000/pago/ok", pending: "http://127.0.0.1:3000/pago/pendiente", failure: "http://127.0.0.1:3000/pago/error" },
      auto_return: "approved",
      marketplace_fee: 1210,
      statement_descriptor: "DELSUR",
      metadata: { invoice_id: "inv_1" },
      site_id: "MLA",
      expires: false,
    });
    expect(pref.items[0]).toEqual({ id: "WO-2026-00123", title: "Cambio de canilla monocomando", description: "", picture_url: "", category_id: "", currency_id: "ARS", quantity: 2, unit_price: 12990 });
    expect(pref.payer).toMatchObject({ name: "Juan", surname: "Pérez", email: "juan@example.com" });
    expect(pref.date_created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}-04:00$/);

    const got = await sb.call("GET", `/mercadopago/checkout/preferences/${pref.id}`, { token: access_token });
    expect(got.status).toBe(200);
    expect(got.json).toEqual(pref);
  });

  it("validates like MercadoPago, with its error body", async () => {
    const { access_token } = await linkSeller(sb);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ items: undefined }, "invalid_items", "items needed."],
      [{ items: [] }, "invalid_items", "items needed."],
      [{ items: { title: "x" } }, "invalid_items", "items must be a array"],
      [{ items: [{ title: "Visita", quantity: 1 }] }, "invalid_items", "unit_price needed."],
      [{ items: [{ title: "Visita", quantity: 1, unit_price: "20000" }] }, "invalid_items", "unit_price must be a number."],
      [{ items: [{ title: "Visita", quantity: 1, unit_price: 0 }] }, "invalid_items", "unit_price invalid."],
      [{ items: [{ title: "Visita", unit_price: 10 }] }, "invalid_items", "quantity needed."],
      [{ items: [{ title: "Visita", quantity: 1.5, unit_price: 10 }] }, "invalid_items", "items.0.quantity must be a integer"],
      [{ items: [{ title: "Visita", quantity: 1, unit_price: 10, currency_id: "USD" }] }, "invalid_items", "currency_id invalid."],
      [{ back_urls: undefined }, "invalid_auto_return", "auto_return invalid. back_url.success must be defined"],
      [{ back_urls: { failure: "http://127.0.0.1:3000/x" } }, "invalid_auto_return", "auto_return invalid. back_url.success must be defined"],
      [{ back_urls: { success: "no es una url" } }, "invalid_back_urls", "back_urls invalid. Wrong format"],
      [{ notification_url: "webhooks/mp" }, "invalid_notification_url", "notification_url attribute must be url valid"],
      [{ marketplace_fee: 999999 }, "invalid_marketplace_fee", "marketplace_fee must not be greater than total amount."],
      [{ expires: true, expiration_date_to: "mañana" }, "invalid_expiration_date_to", "expiration_date_to invalid."],
    ];
    for (const [override, error, message] of cases) {
      const body = { ...preferenceBody(undefined), ...override };
      for (const [k, v] of Object.entries(override)) if (v === undefined) delete body[k];
      const res = await post(access_token, body);
      expect({ override, status: res.status, body: res.json }).toEqual({ override, status: 400, body: { message, error, status: 400, cause: [] } });
    }
    // Nothing was stored.
    expect((await sb.call("GET", "/_sandbox/mercadopago/preferences")).json).toEqual([]);
  });

  it("needs a seller's token", async () => {
    const none = await post(undefined, preferenceBody(undefined));
    expect(none.status).toBe(401);
    expect(none.json.message).toBe("Must provide your access_token to proceed");
    const bad = await post("APP_USR-made-up", preferenceBody(undefined));
    expect(bad.json).toEqual({ message: "invalid access token", error: "unauthorized", status: 401, cause: [] });
  });

  it("honours X-Idempotency-Key per seller: same key, same preference", async () => {
    const demo = await linkSeller(sb, SELLERS.demo);
    const gas = await linkSeller(sb, SELLERS.gas);
    const a = await createPreference(sb, demo.access_token, preferenceBody(undefined), { "x-idempotency-key": "inv_1542-v1" });
    const b = await createPreference(sb, demo.access_token, preferenceBody(undefined, { external_reference: "other" }), { "x-idempotency-key": "inv_1542-v1" });
    const c = await createPreference(sb, demo.access_token, preferenceBody(undefined), { "x-idempotency-key": "inv_1542-v2" });
    const d = await createPreference(sb, gas.access_token, preferenceBody(undefined), { "x-idempotency-key": "inv_1542-v1" });
    expect(b.id).toBe(a.id);
    expect(b.external_reference).toBe("org_42:invoice_1542");
    expect(c.id).not.toBe(a.id);
    expect(d.id).not.toBe(a.id);
    expect(d.id.startsWith(`${SELLERS.gas}-`)).toBe(true);
    expect((await sb.call("GET", "/_sandbox/mercadopago/preferences")).json).toHaveLength(3);
  });

  it("a seller cannot read another seller's preference", async () => {
    const demo = await linkSeller(sb, SELLERS.demo);
    const gas = await linkSeller(sb, SELLERS.gas);
    const pref = await createPreference(sb, demo.access_token, preferenceBody(undefined));
    const res = await sb.call("GET", `/mercadopago/checkout/preferences/${pref.id}`, { token: gas.access_token });
    expect(res.status).toBe(404);
    expect(res.json).toEqual({ message: "preference_id not found", error: "invalid_id", status: 404, cause: [] });
  });
});
