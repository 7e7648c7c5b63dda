import { describe, expect, it } from "vitest";
import { createPreference, linkSeller, type MpSandbox, pay, preferenceBody, refresh, SELLERS, useMercadoPagoSandbox } from "./mercadopago-helpers.ts";

let sb: MpSandbox;
useMercadoPagoSandbox((s) => {
  sb = s;
});

const addFault = (json: Record<string, unknown>) => sb.call("POST", "/_sandbox/mercadopago/faults", { json });

describe("API fault injection", () => {
  it("5xx answers MercadoPago's JSON error on the matching path only, count times", async () => {
    const { access_token } = await linkSeller(sb);
    const pref = await createPreference(sb, access_token, preferenceBody(undefined));
    const payment = await pay(sb, pref.id, "APRO");
    const created = await addFault({ kind: "5xx", path: "/v1/payments", count: 1 });
    expect(created.status).toBe(201);
    expect(created.json.id).toMatch(/^mpf_/);

    // Preferences are not under /v1/payments.
    expect((await sb.call("GET", `/mercadopago/checkout/preferences/${pref.id}`, { token: access_token })).status).toBe(200);
    const down = await sb.call("GET", `/mercadopago/v1/payments/${payment.id}`, { token: access_token });
    expect(down.status).toBe(500);
    expect(down.json).toEqual({ message: "Internal server error", error: "internal_server_error", status: 500, cause: [] });
    expect((await sb.call("GET", `/mercadopago/v1/payments/${payment.id}`, { token: access_token })).status).toBe(200);
    expect((await sb.call("GET", "/_sandbox/mercadopago/faults")).json[0]).toMatchObject({ kind: "5xx", path: "/v1/payments", remaining: 0, hits: 1 });

    await addFault({ kind: "5xx", status: 503, path: "/mercadopago/oauth/token", count: 1 });
    const creds = await linkSeller(sb, SELLERS.gas).catch((e: Error) => e);
    expect(String(creds)).toContain("token: 503");
  });

  it("timeout holds the answer timeoutMs then 504, and does nothing", async () => {
    const { access_token } = await linkSeller(sb);
    await addFault({ kind: "timeout", path: "/checkout/preferences", timeoutMs: 150, count: 1 });
    const start = Date.now();
    const res = await sb.call("POST", "/mercadopago/checkout/preferences", { token: access_token, json: preferenceBody(undefined) });
    expect(Date.now() - start).toBeGreaterThanOrEqual(140);
    expect(res.status).toBe(504);
    expect(res.json.error).toBe("gateway_timeout");
    expect((await sb.call("GET", "/_sandbox/mercadopago/preferences")).json).toEqual([]);
  });

  it("401 makes a valid token look revoked, for every path without a path filter, until deleted", async () => {
    const { access_token, refresh_token } = await linkSeller(sb);
    await addFault({ kind: "401" });
    const res = await sb.call("GET", "/mercadopago/users/me", { token: access_token });
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ message: "invalid access token", error: "unauthorized", status: 401, cause: [] });
    expect((await refresh(sb, refresh_token)).status).toBe(401);
    expect((await sb.call("DELETE", "/_sandbox/mercadopago/faults")).status).toBe(200);
    expect((await sb.call("GET", "/mercadopago/users/me", { token: access_token })).status).toBe(200);
    const bad = await addFault({ kind: "explode" });
    expect(bad.status).toBe(400);
  });
});

describe("recorded calls and reset", () => {
  it("records every API call with the token redacted, and not the pages", async () => {
    const { access_token } = await linkSeller(sb);
    const pref = await createPreference(sb, access_token, preferenceBody(undefined), { "x-idempotency-key": "key-1" });
    await sb.call("GET", `/mercadopago/checkout/pay/${pref.id}`);
    const log = (await sb.call("GET", "/_sandbox/mercadopago/requests")).json;
    expect(log.map((r: { method: string; path: string }) => `${r.method} ${r.path}`)).toEqual(["POST /mercadopago/oauth/token", "POST /mercadopago/checkout/preferences"]);
    const create = log[1];
    expect(create.headers["x-idempotency-key"]).toBe("key-1");
    expect(create.headers.authorization).not.toContain(access_token);
    expect(create.body.external_reference).toBe("org_42:invoice_1542");
    expect(create.response.status).toBe(201);
  });

  it("reset restores built-in sellers, redirect URIs and config, and forgets tokens, preferences and payments", async () => {
    const { access_token } = await linkSeller(sb);
    await pay(sb, (await createPreference(sb, access_token, preferenceBody(undefined))).id, "APRO");
    await sb.call("POST", "/_sandbox/mercadopago/sellers", { json: { nickname: "PINTURAS_SUR", businessName: "Pinturas Sur" } });
    await sb.call("POST", "/_sandbox/mercadopago/application", { json: { redirectUris: ["https://x.test/cb"], webhookUrl: "https://x.test/hook" } });
    await sb.call("POST", "/_sandbox/mercadopago/config", { json: { duplicateNotifications: true, tokenExpiresInSeconds: 60 } });
    expect((await sb.call("GET", "/_sandbox/mercadopago/sellers")).json).toHaveLength(4);

    await sb.call("POST", "/_sandbox/reset");
    const sellers = (await sb.call("GET", "/_sandbox/mercadopago/sellers")).json;
    expect(sellers.map((s: { id: number; nickname: string }) => `${s.id} ${s.nickname}`)).toEqual(["123456789 DELSUR_PLOMERIA", "223456789 GASISTA_NORTE", "323456789 ELECTRO_OESTE"]);
    expect((await sb.call("GET", "/_sandbox/mercadopago/application")).json).toMatchObject({
      client_id: "sandbox-mp-client-id",
      webhook_url: null,
      redirect_uris: ["http://127.0.0.1:3000/api/mercadopago/oauth/callback", "http://127.0.0.1:*/api/mercadopago/oauth/callback", "http://localhost:*/api/mercadopago/oauth/callback"],
    });
    const config = (await sb.call("GET", "/_sandbox/mercadopago/config")).json;
    expect(config).toMatchObject({ duplicateNotifications: false, tokenExpiresInSeconds: 15552000, codeTtlMs: 600000 });
    expect(config).not.toHaveProperty("clientSecret");
    expect(config).not.toHaveProperty("webhookSecret");
    expect((await sb.call("GET", "/mercadopago/users/me", { token: access_token })).status).toBe(401);
    expect((await sb.call("GET", "/_sandbox/mercadopago/payments")).json).toEqual([]);
  });

  it("a seller added through the control API can link and charge", async () => {
    const added = await sb.call("POST", "/_sandbox/mercadopago/sellers", { json: { id: 987654321, nickname: "PINTURAS_SUR", businessName: "Pinturas Sur" } });
    expect(added.status).toBe(201);
    expect(added.json).toMatchObject({ id: 987654321, email: "test_user_987654321@testuser.com", builtIn: false });
    const { access_token, user_id } = await linkSeller(sb, 987654321);
    expect(user_id).toBe(987654321);
    const pref = await createPreference(sb, access_token, preferenceBody(undefined));
    expect(pref.collector_id).toBe(987654321);
    expect((await sb.call("GET", `/mercadopago/checkout/pay/${pref.id}`)).text).toContain("Pinturas Sur");
    expect((await sb.call("POST", "/_sandbox/mercadopago/sellers", { json: { nickname: "minúsculas" } })).status).toBe(400);
  });
});
