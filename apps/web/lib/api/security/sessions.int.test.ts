import { Redis } from "ioredis";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { encryptJson, encryptSecret } from "@campotech/core/lib/crypto";
import { adminDb } from "@campotech/core/lib/db";
import { env } from "@campotech/core/lib/env";
import { sharedRedis, whenRedisReady } from "@campotech/core/lib/redis";
import { issueAccessToken } from "@campotech/core/modules/auth";
import { updateUserAccess } from "@campotech/core/modules/users";
import { DEMO_ORG, DEMO_USERS, seedDemo } from "@campotech/database/seed";
import { resetDatabase } from "@campotech/database/testing";
import { call, json, parseSetCookies } from "../api-test-kit";
import { logoutEndpoint, meEndpoint, refreshEndpoint } from "../endpoints/auth";
import { updateUserEndpoint } from "../endpoints/users";
import { appLogin, browserLogin } from "./security-test-kit";

// Access tokens live 15 minutes, but a session that ends must end now: after logout, refresh-token reuse,
// deactivation or a role change the old access token is refused on its very next request.
const OWNER = DEMO_USERS.find((u) => u.role === "OWNER")!;
const DISPATCHER = DEMO_USERS.find((u) => u.role === "DISPATCHER")!;
const redis = new Redis(env.REDIS_URL);
const owner = () => ({ authorization: `Bearer ${issueAccessToken({ id: OWNER.id, organizationId: DEMO_ORG.id, role: "OWNER" }).token}` });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const me = async (token: string) => (await call(meEndpoint, { headers: bearer(token) })).status;

beforeEach(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  await redis.flushdb();
  await whenRedisReady(sharedRedis());
  await seedDemo(adminDb(), { seal: encryptJson, sealSecret: encryptSecret });
});
afterAll(async () => {
  await redis.quit();
});

describe("revocation is immediate", () => {
  it("after logout, the access token stops working at once", async () => {
    const session = await appLogin(redis, DISPATCHER);
    expect(await me(session.accessToken)).toBe(200);
    expect((await call(logoutEndpoint, { body: { refreshToken: session.refreshToken } })).status).toBe(200);
    expect(await me(session.accessToken)).toBe(401);
    expect((await call(refreshEndpoint, { body: { refreshToken: session.refreshToken } })).status).toBe(401);
  });

  it("after refresh-token reuse, every access token of that login stops working", async () => {
    const first = await appLogin(redis, DISPATCHER);
    const rotated = await json<{ accessToken: string }>(await call(refreshEndpoint, { body: { refreshToken: first.refreshToken } }), 200);
    expect(await me(rotated.accessToken)).toBe(200);
    // Someone replays the stolen, already-rotated refresh token.
    expect((await call(refreshEndpoint, { body: { refreshToken: first.refreshToken } })).status).toBe(401);
    expect(await me(rotated.accessToken)).toBe(401);
  });

  it("after deactivation, the access token and every refresh token stop working at once", async () => {
    const phone = await appLogin(redis, DISPATCHER);
    const laptop = await appLogin(redis, DISPATCHER);
    expect(await me(phone.accessToken)).toBe(200);
    const off = await call(updateUserEndpoint, { params: { id: DISPATCHER.id }, body: { isActive: false }, headers: owner() });
    expect(await json(off, 200)).toEqual({ id: DISPATCHER.id, role: "DISPATCHER", isActive: false, flaggedJobs: 0 });
    expect(await me(phone.accessToken)).toBe(401);
    expect(await me(laptop.accessToken)).toBe(401);
    for (const s of [phone, laptop]) expect((await call(refreshEndpoint, { body: { refreshToken: s.refreshToken } })).status).toBe(401);
    const actions = (await adminDb().auditLog.findMany({ where: { organizationId: DEMO_ORG.id, action: { startsWith: "user." } } })).map((a) => a.action);
    expect(actions).toEqual(["user.deactivated"]);
  });

  it("after a role change, the old token is refused and a renewal carries the new role", async () => {
    const session = await appLogin(redis, DISPATCHER);
    await json(await call(updateUserEndpoint, { params: { id: DISPATCHER.id }, body: { role: "VIEWER" }, headers: owner() }), 200);
    expect(await me(session.accessToken)).toBe(401);
    const renewed = await json<{ accessToken: string; user: { role: string } }>(await call(refreshEndpoint, { body: { refreshToken: session.refreshToken } }), 200);
    expect(renewed.user.role).toBe("VIEWER");
    expect(await me(renewed.accessToken)).toBe(200);
  });

  it("guards the team's access: not your own, not an owner unless you are one, never the last owner", async () => {
    const admin = await adminDb().user.create({ data: { id: "sec-admin", organizationId: DEMO_ORG.id, phone: "+5491140000099", name: "Admin", role: "ADMIN" } });
    const asAdmin = { authorization: `Bearer ${issueAccessToken({ id: admin.id, organizationId: DEMO_ORG.id, role: "ADMIN" }).token}` };
    const refused = async (id: string, body: object, headers: Record<string, string>, status: number) => {
      const response = await call(updateUserEndpoint, { params: { id }, body, headers });
      expect(response.status, await response.clone().text()).toBe(status);
      return ((await response.json()) as { error: { message: string } }).error.message;
    };
    expect(await refused(admin.id, { role: "OWNER" }, asAdmin, 403)).toMatch(/propio acceso/);
    expect(await refused(OWNER.id, { isActive: false }, asAdmin, 403)).toMatch(/Solo un dueño/);
    expect(await refused(DISPATCHER.id, { role: "OWNER" }, asAdmin, 403)).toMatch(/Solo un dueño/);
    expect(await refused(OWNER.id, { isActive: false }, owner(), 403)).toMatch(/propio acceso/);
    const second = await adminDb().user.create({ data: { id: "sec-owner-2", organizationId: DEMO_ORG.id, phone: "+5491140000098", name: "Socia", role: "OWNER" } });
    const asSecond = { authorization: `Bearer ${issueAccessToken({ id: second.id, organizationId: DEMO_ORG.id, role: "OWNER" }).token}` };
    await json(await call(updateUserEndpoint, { params: { id: OWNER.id }, body: { role: "ADMIN" }, headers: asSecond }), 200);
    // The demoted owner's old token is gone; the remaining owner cannot be removed by anyone.
    const asFormerOwner = { authorization: `Bearer ${issueAccessToken({ id: OWNER.id, organizationId: DEMO_ORG.id, role: "ADMIN", sessionVersion: 1 }).token}` };
    expect(await refused(second.id, { isActive: false }, asFormerOwner, 403)).toMatch(/Solo un dueño/);
    expect(await refused(OWNER.id, { role: "VIEWER" }, owner(), 401)).toMatch(/sesión/);
    // Not even an operator can leave the organization without an active owner.
    await expect(updateUserAccess({ organizationId: DEMO_ORG.id, userId: second.id, change: { isActive: false }, actor: { operator: true } }))
      .rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("tokens in the body only for the app", () => {
  it("the dashboard's login gets httpOnly cookies and no token a page script could read", async () => {
    const { response } = await browserLogin(redis, OWNER);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).not.toHaveProperty("accessToken");
    expect(body).not.toHaveProperty("refreshToken");
    expect(body).toMatchObject({ user: { id: OWNER.id, role: "OWNER" } });
    const cookies = parseSetCookies(response);
    expect(cookies.map((c) => c.name).sort()).toEqual(["ct_access", "ct_refresh"]);
    for (const c of cookies) expect(c.attributes).toEqual(expect.arrayContaining(["HttpOnly", "SameSite=Lax"]));
  });

  it("the app asks for its tokens and gets them, and no cookies", async () => {
    const session = await appLogin(redis, OWNER);
    expect(session.accessToken).toMatch(/^ey/);
    expect(session.refreshToken).toContain(".");
  });
});
