import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encryptJson, encryptSecret } from "@campotech/core/lib/crypto";
import { adminDb } from "@campotech/core/lib/db";
import { env } from "@campotech/core/lib/env";
import { toWaId } from "@campotech/core/lib/phone";
import { deliverMessage } from "@campotech/core/modules/messaging";
import { DEMO_ORG, DEMO_USERS, seedDemo } from "@campotech/database/seed";
import { resetDatabase } from "@campotech/database/testing";
import { call, parseSetCookies } from "./api-test-kit";
import { logoutEndpoint, meEndpoint, otpRequestEndpoint, otpVerifyEndpoint, refreshEndpoint } from "./endpoints/auth";

// The login flow as the web dashboard and the mobile app see it: through the route handlers, with the code read
// from the simulated phone of the suite-wide sandbox. Expiry and lockout are covered in src/modules/auth.
const OWNER = DEMO_USERS.find((u) => u.role === "OWNER")!;
const SANDBOX_BASE = env.META_GRAPH_API_URL.replace(/\/meta$/, "");
const redis = new Redis(env.REDIS_URL);

beforeAll(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  await redis.flushdb();
  await seedDemo(adminDb(), { seal: encryptJson, sealSecret: encryptSecret });
});
afterAll(async () => {
  await redis.quit();
});

async function codeFromPhone(): Promise<string> {
  const message = await adminDb().whatsAppMessage.findFirst({
    where: { organizationId: DEMO_ORG.id, direction: "OUTBOUND", status: "QUEUED", conversation: { customer: { staffUserId: OWNER.id } } },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
  expect(message).toBeTruthy();
  // What the outbound worker would do with the queued job, with its production dependencies.
  await deliverMessage({ organizationId: DEMO_ORG.id, messageId: message!.id });
  const inbox = (await (await fetch(`${SANDBOX_BASE}/_sandbox/customers/${toWaId(OWNER.phone)}/inbox`)).json()) as unknown[];
  const code = JSON.stringify(inbox.at(-1)).match(/\b(\d{6})\b/)?.[1];
  expect(code).toBeTruthy();
  return code!;
}

const SAME_ORIGIN = { "sec-fetch-site": "same-origin" };
const cookieHeader = (cookies: { name: string; value: string }[]) => cookies.map((c) => `${c.name}=${encodeURIComponent(c.value)}`).join("; ");

describe("auth routes", () => {
  it("logs in with the code from the phone, serves /me by cookie and Bearer, rotates, detects reuse and logs out", async () => {
    const headers = { "x-forwarded-for": "198.51.100.20" };
    const requested = await call(otpRequestEndpoint, { body: { phone: "11 4000-0001" }, headers });
    expect(requested.status).toBe(202);
    expect(await requested.json()).toMatchObject({ ok: true });

    const code = await codeFromPhone();
    const verified = await call(otpVerifyEndpoint, { body: { phone: OWNER.phone, code }, headers });
    expect(verified.status).toBe(200);
    // The dashboard's login: the tokens travel only as httpOnly cookies (security/sessions.int.test.ts covers the app's).
    const session = (await verified.json()) as { accessToken?: string; refreshToken?: string; user: { id: string; organizationId: string; role: string } };
    expect(session.user).toEqual({ id: OWNER.id, organizationId: DEMO_ORG.id, role: "OWNER" });
    expect(session.accessToken).toBeUndefined();
    const cookies = parseSetCookies(verified);
    const access = cookies.find((c) => c.name === "ct_access")!;
    const refresh = cookies.find((c) => c.name === "ct_refresh")!;
    expect(access.value).toMatch(/^ey/);
    expect(access.attributes).toEqual(expect.arrayContaining(["HttpOnly", "Path=/"]));
    expect(refresh.value).toContain(".");
    expect(refresh.attributes).toEqual(expect.arrayContaining(["HttpOnly", "Path=/api/auth"]));

    // The dashboard (cookie) and the mobile app (Bearer) get the same person.
    const auths: Record<string, string>[] = [{ cookie: cookieHeader([access]) }, { authorization: `Bearer ${access.value}` }];
    for (const auth of auths) {
      const me = await call(meEndpoint, { headers: auth });
      expect(me.status).toBe(200);
      expect(await me.json()).toMatchObject({ id: OWNER.id, name: OWNER.name, role: "OWNER", organization: { id: DEMO_ORG.id } });
    }
    expect((await call(meEndpoint)).status).toBe(401);
    expect((await call(meEndpoint, { headers: { authorization: "Bearer not-a-token" } })).status).toBe(401);

    // Refresh by cookie (from our own page) rotates both tokens.
    const rotated = await call(refreshEndpoint, { headers: { cookie: cookieHeader([refresh]), ...SAME_ORIGIN } });
    expect(rotated.status).toBe(200);
    const nextRefresh = parseSetCookies(rotated).find((c) => c.name === "ct_refresh")!.value;
    expect(nextRefresh).not.toBe(refresh.value);
    const next = { refreshToken: nextRefresh };

    // The old refresh token again: reuse → 401, and the live token of the same family dies with it.
    const reused = await call(refreshEndpoint, { headers: { cookie: cookieHeader([refresh]), ...SAME_ORIGIN } });
    expect(reused.status).toBe(401);
    expect(await reused.json()).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
    expect((await call(refreshEndpoint, { body: { refreshToken: next.refreshToken } })).status).toBe(401);

    // A fresh login, then logout clears both cookies and revokes the family.
    await call(otpRequestEndpoint, { body: { phone: OWNER.phone }, headers });
    const again = await call(otpVerifyEndpoint, { body: { phone: OWNER.phone, code: await codeFromPhone() }, headers });
    expect(again.status).toBe(200);
    const fresh = parseSetCookies(again);
    const loggedOut = await call(logoutEndpoint, { headers: { cookie: cookieHeader(fresh), ...SAME_ORIGIN } });
    expect(loggedOut.status).toBe(200);
    const cleared = parseSetCookies(loggedOut);
    expect(cleared.map((c) => [c.name, c.value])).toEqual([["ct_access", ""], ["ct_refresh", ""]]);
    for (const c of cleared) expect(c.attributes).toContain("Max-Age=0");
    const afterLogout = await call(refreshEndpoint, { headers: { cookie: cookieHeader(fresh.filter((c) => c.name === "ct_refresh")), ...SAME_ORIGIN } });
    expect(afterLogout.status).toBe(401);

    // A logged-out (revoked) token presented again counts as reuse too.
    const actions = (await adminDb().auditLog.findMany({ where: { organizationId: DEMO_ORG.id }, orderBy: { seq: "asc" } })).map((r) => r.action);
    expect(actions).toEqual(["auth.login", "auth.refresh_reuse_detected", "auth.refresh_reuse_detected", "auth.login", "auth.logout", "auth.refresh_reuse_detected"]);
  });

  it("a wrong code answers 401 with a Spanish message and sets no cookie", async () => {
    const response = await call(otpVerifyEndpoint, { body: { phone: "+5491140000002", code: "123456" }, headers: { "x-forwarded-for": "198.51.100.21" } });
    expect(response.status).toBe(401);
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/[a-záéíóúñ]/i);
  });
});
