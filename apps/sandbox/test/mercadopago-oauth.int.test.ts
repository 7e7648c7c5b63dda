import { describe, expect, it } from "vitest";
import {
  authorizationCode,
  bodyOf,
  CALLBACK,
  exchangeCode,
  linkSeller,
  MP_APP,
  type MpSandbox,
  type NotificationReceiver,
  pkcePair,
  refresh,
  SELLERS,
  useMercadoPagoSandbox,
  verifySignature,
} from "./mercadopago-helpers.ts";

let sb: MpSandbox;
let receiver: NotificationReceiver;
useMercadoPagoSandbox((s, r) => {
  sb = s;
  receiver = r;
});

const INVALID_GRANT = {
  message: "Error validating grant. Your authorization code or refresh token may be expired or it was already used.",
  error: "invalid_grant",
  status: 400,
  cause: [],
};
const authorizeUrl = (params: Record<string, string>) =>
  `/mercadopago/auth/authorization?${new URLSearchParams({ client_id: MP_APP.clientId, response_type: "code", platform_id: "mp", state: "st-9", redirect_uri: CALLBACK, ...params })}`;
const me = (token: string) => sb.call("GET", "/mercadopago/users/me", { token });

describe("authorization page (auth.mercadopago.com)", () => {
  it("renders the Spanish consent page with the sellers to pick from", async () => {
    const res = await sb.call("GET", authorizeUrl({}));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(res.text).toContain('<html lang="es-AR">');
    expect(res.text).toContain("CampoTech quiere acceder a tu cuenta de Mercado Pago");
    expect(res.text).toContain("DELSUR_PLOMERIA");
    expect(res.text).toContain("Del Sur Plomería");
    expect(res.text).toMatch(/<button[^>]*value="allow"[^>]*>Permitir<\/button>/);
    expect(res.text).toMatch(/<button[^>]*value="deny"[^>]*>Cancelar<\/button>/);
    // The form posts back to the sandbox with everything the redirect needs.
    expect(res.text).toContain('action="/mercadopago/auth/authorization"');
    expect(res.text).toContain('name="state" value="st-9"');
  });

  it("Permitir redirects to redirect_uri with a TG- code and the state; Cancelar with access_denied", async () => {
    const form = { client_id: MP_APP.clientId, response_type: "code", redirect_uri: CALLBACK, state: "st-9", seller_id: String(SELLERS.gas) };
    const allowed = await sb.call("POST", "/mercadopago/auth/authorization", { form: { ...form, decision: "allow" } });
    expect(allowed.status).toBe(302);
    const location = new URL(allowed.headers.get("location") as string);
    expect(`${location.origin}${location.pathname}`).toBe(CALLBACK);
    expect(location.searchParams.get("state")).toBe("st-9");
    expect(location.searchParams.get("code")).toMatch(/^TG-[0-9a-f]{24}-223456789$/);
    const token = await exchangeCode(sb, location.searchParams.get("code") as string);
    expect(token.json.user_id).toBe(SELLERS.gas);

    const denied = await sb.call("POST", "/mercadopago/auth/authorization", { form: { ...form, decision: "deny" } });
    expect(denied.status).toBe(302);
    expect(denied.headers.get("location")).toBe(`${CALLBACK}?error=access_denied&state=st-9`);
  });

  it("keeps the redirect_uri's own query and accepts any port on a registered 127.0.0.1:* pattern", async () => {
    const other = "http://127.0.0.1:43123/api/mercadopago/oauth/callback";
    const res = await sb.call("POST", "/mercadopago/auth/authorization", {
      form: { client_id: MP_APP.clientId, response_type: "code", redirect_uri: other, state: "x", seller_id: String(SELLERS.demo), decision: "allow" },
    });
    expect(res.headers.get("location")).toMatch(/^http:\/\/127\.0\.0\.1:43123\/api\/mercadopago\/oauth\/callback\?code=TG-/);
  });

  it("never redirects to an unregistered redirect_uri or for an unknown client_id: it shows an error page", async () => {
    const bad = await sb.call("GET", authorizeUrl({ redirect_uri: "https://evil.example/steal" }));
    expect(bad.status).toBe(400);
    expect(bad.headers.get("location")).toBeNull();
    expect(bad.text).toContain("No pudimos conectar la aplicación");
    expect(bad.text).toContain("redirect_uri=https://evil.example/steal");
    // A path that only starts like the registered one is not it.
    expect((await sb.call("GET", authorizeUrl({ redirect_uri: `${CALLBACK}/extra` }))).status).toBe(400);
    const client = await sb.call("GET", authorizeUrl({ client_id: "someone-else" }));
    expect(client.status).toBe(400);
    expect(client.text).toContain("La aplicación que pidió acceso no existe.");
    // Once the redirect_uri is trusted, other problems go back to it.
    const type = await sb.call("GET", authorizeUrl({ response_type: "token" }));
    expect(type.status).toBe(302);
    expect(new URL(type.headers.get("location") as string).searchParams.get("error")).toBe("unsupported_response_type");
  });

  it("the registered redirect URIs can be replaced through the control API", async () => {
    const set = await sb.call("POST", "/_sandbox/mercadopago/application", { json: { redirectUris: ["https://app.campotech.test/mp/callback"] } });
    expect(set.json.redirect_uris).toEqual(["https://app.campotech.test/mp/callback"]);
    expect((await sb.call("GET", authorizeUrl({}))).status).toBe(400);
    expect((await sb.call("GET", authorizeUrl({ redirect_uri: "https://app.campotech.test/mp/callback" }))).status).toBe(200);
    const shortcut = await sb.call("POST", "/_sandbox/mercadopago/authorize", { json: { seller_id: SELLERS.demo, redirect_uri: CALLBACK } });
    expect(shortcut.status).toBe(400);
  });
});

describe("POST /oauth/token", () => {
  it("exchanges the code for MercadoPago's credential shape (JSON or form body), and the token reaches /users/me", async () => {
    const code = await authorizationCode(sb, SELLERS.demo);
    const res = await exchangeCode(sb, code);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      access_token: expect.stringMatching(/^APP_USR-\d{16}-\d{6}-[0-9a-f]{32}-123456789$/),
      token_type: "bearer",
      expires_in: 15552000,
      scope: "offline_access read write",
      user_id: 123456789,
      refresh_token: expect.stringMatching(/^TG-[0-9a-f]{24}-123456789$/),
      public_key: expect.stringMatching(/^APP_USR-[0-9a-f-]{36}$/),
      live_mode: false,
    });
    const user = await me(res.json.access_token);
    expect(user.status).toBe(200);
    expect(user.json).toMatchObject({ id: 123456789, nickname: "DELSUR_PLOMERIA", site_id: "MLA", country_id: "AR", email: "test_user_123456789@testuser.com" });

    const formCode = await authorizationCode(sb, SELLERS.electricity);
    const form = await sb.call("POST", "/mercadopago/oauth/token", {
      form: { client_id: MP_APP.clientId, client_secret: MP_APP.clientSecret, grant_type: "authorization_code", code: formCode, redirect_uri: CALLBACK },
    });
    expect(form.status).toBe(200);
    expect(form.json.user_id).toBe(SELLERS.electricity);
  });

  it("every refresh rotates the refresh_token: the old one is refused, the previous access token keeps working", async () => {
    const first = await linkSeller(sb);
    const second = await refresh(sb, first.refresh_token);
    expect(second.status).toBe(200);
    expect(second.json.refresh_token).toMatch(/^TG-/);
    expect(second.json.refresh_token).not.toBe(first.refresh_token);
    expect(second.json.access_token).not.toBe(first.access_token);
    expect(second.json.user_id).toBe(SELLERS.demo);

    const reused = await refresh(sb, first.refresh_token);
    expect(reused.status).toBe(400);
    expect(reused.json).toEqual(INVALID_GRANT);

    expect((await me(first.access_token)).status).toBe(200);
    expect((await me(second.json.access_token)).status).toBe(200);
    const third = await refresh(sb, second.json.refresh_token);
    expect(third.status).toBe(200);
    // The request log says why a grant was refused (the wire only says invalid_grant).
    const log = (await sb.call("GET", "/_sandbox/mercadopago/requests?path=/oauth/token")).json;
    const refused = log.find((r: { response: { status: number } }) => r.response.status === 400);
    expect(refused.reason).toContain("already used");
    expect(refused.body.client_secret).toBe("[redacted]");
  });

  it("refuses a code used twice, a code older than 10 minutes, and another redirect_uri", async () => {
    const code = await authorizationCode(sb, SELLERS.demo);
    expect((await exchangeCode(sb, code)).status).toBe(200);
    const again = await exchangeCode(sb, code);
    expect(again.status).toBe(400);
    expect(again.json).toEqual(INVALID_GRANT);

    const old = await authorizationCode(sb, SELLERS.demo);
    await sb.call("POST", "/_sandbox/mercadopago/config", { json: { clockOffsetMs: 10 * 60 * 1000 + 1000 } });
    expect((await exchangeCode(sb, old)).json).toEqual(INVALID_GRANT);
    await sb.call("POST", "/_sandbox/mercadopago/config", { json: { clockOffsetMs: 9 * 60 * 1000 } });
    expect((await exchangeCode(sb, await authorizationCode(sb, SELLERS.demo))).status).toBe(200);

    const other = await exchangeCode(sb, await authorizationCode(sb, SELLERS.demo), { redirect_uri: "http://127.0.0.1:3001/api/mercadopago/oauth/callback" });
    expect(other.status).toBe(400);
    expect(other.json.error).toBe("invalid_grant");
    const missing = await sb.call("POST", "/mercadopago/oauth/token", {
      json: { client_id: MP_APP.clientId, client_secret: MP_APP.clientSecret, grant_type: "authorization_code", code: await authorizationCode(sb, SELLERS.demo) },
    });
    expect(missing.json.error).toBe("invalid_grant");
  });

  it("verifies PKCE (S256) when the authorization carried a challenge", async () => {
    const { verifier, challenge } = pkcePair();
    const withChallenge = () => authorizationCode(sb, SELLERS.demo, { code_challenge: challenge, code_challenge_method: "S256" });
    expect((await exchangeCode(sb, await withChallenge())).json.error).toBe("invalid_grant");
    expect((await exchangeCode(sb, await withChallenge(), { code_verifier: pkcePair().verifier })).json.error).toBe("invalid_grant");
    const ok = await exchangeCode(sb, await withChallenge(), { code_verifier: verifier });
    expect(ok.status).toBe(200);

    // Through the consent page too.
    const page = await sb.call("GET", authorizeUrl({ code_challenge: challenge, code_challenge_method: "S256" }));
    expect(page.text).toContain(`name="code_challenge" value="${challenge}"`);
    const allowed = await sb.call("POST", "/mercadopago/auth/authorization", {
      form: { client_id: MP_APP.clientId, response_type: "code", redirect_uri: CALLBACK, code_challenge: challenge, code_challenge_method: "S256", seller_id: String(SELLERS.demo), decision: "allow" },
    });
    const code = new URL(allowed.headers.get("location") as string).searchParams.get("code") as string;
    expect((await exchangeCode(sb, code, { code_verifier: verifier })).status).toBe(200);
  });

  it("answers invalid_client, invalid_request and unsupported_grant_type like MercadoPago", async () => {
    const wrongSecret = await sb.call("POST", "/mercadopago/oauth/token", {
      json: { client_id: MP_APP.clientId, client_secret: "nope", grant_type: "refresh_token", refresh_token: "TG-x" },
    });
    expect(wrongSecret.status).toBe(400);
    expect(wrongSecret.json).toEqual({ message: "invalid client_id or client_secret", error: "invalid_client", status: 400, cause: [] });
    const noGrant = await sb.call("POST", "/mercadopago/oauth/token", { json: { client_id: MP_APP.clientId, client_secret: MP_APP.clientSecret } });
    expect(noGrant.json.error).toBe("invalid_request");
    const password = await sb.call("POST", "/mercadopago/oauth/token", { json: { client_id: MP_APP.clientId, client_secret: MP_APP.clientSecret, grant_type: "password" } });
    expect(password.json.error).toBe("unsupported_grant_type");
  });

  it("an access token stops working after expires_in", async () => {
    await sb.call("POST", "/_sandbox/mercadopago/config", { json: { tokenExpiresInSeconds: 3600 } });
    const creds = await linkSeller(sb);
    expect((await me(creds.access_token)).status).toBe(200);
    await sb.call("POST", "/_sandbox/mercadopago/config", { json: { clockOffsetMs: 3600 * 1000 + 1 } });
    const expired = await me(creds.access_token);
    expect(expired.status).toBe(401);
    expect(expired.json).toEqual({ message: "invalid access token", error: "unauthorized", status: 401, cause: [] });
    // The refresh token outlives it.
    expect((await refresh(sb, creds.refresh_token)).status).toBe(200);
  });
});

describe("revocation", () => {
  it("revoking a seller kills its access and refresh tokens and sends a signed mp-connect notification", async () => {
    await sb.call("POST", "/_sandbox/mercadopago/application", { json: { webhookUrl: `${receiver.url}/api/webhooks/mercadopago` } });
    const demo = await linkSeller(sb, SELLERS.demo);
    const gas = await linkSeller(sb, SELLERS.gas);
    await receiver.waitFor((h) => h.query.get("type") === "mp-connect", 2);
    receiver.clear();

    const revoked = await sb.call("POST", `/_sandbox/mercadopago/sellers/${SELLERS.demo}/revoke`);
    expect(revoked.json).toMatchObject({ accessTokens: 1, refreshTokens: 1 });
    const denied = await me(demo.access_token);
    expect(denied.status).toBe(401);
    expect(denied.json).toEqual({ message: "invalid access token", error: "unauthorized", status: 401, cause: [] });
    expect((await refresh(sb, demo.refresh_token)).json).toEqual(INVALID_GRANT);
    expect((await me(gas.access_token)).status).toBe(200);

    const [hit] = await receiver.waitFor((h) => h.query.get("type") === "mp-connect");
    expect(hit!.query.get("data.id")).toBe(String(SELLERS.demo));
    expect(verifySignature(hit!)).toBe(true);
    expect(bodyOf(hit!)).toMatchObject({ type: "mp-connect", action: "application.deauthorized", user_id: SELLERS.demo, live_mode: false, data: { id: String(SELLERS.demo) } });

    // The seller can link again, with fresh credentials.
    const again = await linkSeller(sb, SELLERS.demo);
    expect((await me(again.access_token)).status).toBe(200);
  });

  it("calls without a token or with a made-up one are refused", async () => {
    const none = await sb.call("GET", "/mercadopago/users/me");
    expect(none.status).toBe(401);
    expect(none.json).toMatchObject({ message: "Must provide your access_token to proceed", error: "unauthorized", status: 401 });
    expect(none.json.cause[0]).toMatchObject({ code: 5, description: "Must provide your access_token to proceed" });
    expect(none.json.cause[0].data).toMatch(/^\d{2}-\d{2}-\d{4}T\d{2}:\d{2}:\d{2}UTC;[0-9a-f-]{36}$/);
    expect((await me("APP_USR-1-2-3-123456789")).status).toBe(401);
  });
});
