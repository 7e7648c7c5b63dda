import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { encryptJson, encryptSecret } from "@campotech/core/lib/crypto";
import { adminDb } from "@campotech/core/lib/db";
import { env } from "@campotech/core/lib/env";
import { sharedRedis, whenRedisReady } from "@campotech/core/lib/redis";
import { issueAccessToken } from "@campotech/core/modules/auth";
import { DEMO_ORG, DEMO_USERS, seedDemo } from "@campotech/database/seed";
import { resetDatabase } from "@campotech/database/testing";
import { PEER_HEADER, peerHeaderValue, setPeerHeaderToken } from "../../client-ip";
import { BASE_URL, call, json } from "../api-test-kit";
import { renewSessionRedirect as renew } from "../renew-session";
import { logoutEndpoint, otpRequestEndpoint, otpVerifyEndpoint } from "../endpoints/auth";
import { closeConversationEndpoint, sendConversationMessageEndpoint } from "../endpoints/conversations";
import { createJobEndpoint } from "../endpoints/jobs";
import { SAME_ORIGIN } from "./security-test-kit";

// Requests a browser, a forger or a proxy could send: forwarded addresses, cross-site writes, redirects, and
// references to rows the caller must not point at.
const OWNER = DEMO_USERS.find((u) => u.role === "OWNER")!;
const TECH = DEMO_USERS.find((u) => u.role === "TECHNICIAN")!;
const DISPATCHER = DEMO_USERS.find((u) => u.role === "DISPATCHER")!;
const redis = new Redis(env.REDIS_URL);
const ownerToken = () => issueAccessToken({ id: OWNER.id, organizationId: DEMO_ORG.id, role: "OWNER" }).token;
const cookie = () => ({ cookie: `ct_access=${encodeURIComponent(ownerToken())}` });
let conversationId = "";

beforeEach(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  await redis.flushdb();
  await whenRedisReady(sharedRedis());
  await seedDemo(adminDb(), { seal: encryptJson, sealSecret: encryptSecret });
  conversationId = (await adminDb().whatsAppConversation.findFirstOrThrow({ where: { organizationId: DEMO_ORG.id, customer: { staffUserId: null } } })).id;
});
afterAll(async () => {
  await redis.quit();
});

describe("client addresses", () => {
  // This process plays apps/web/server.ts: it stamps the TCP peer with its token.
  const token = randomBytes(12).toString("base64url");
  setPeerHeaderToken(token);
  const from = (peer: string, forwarded?: string) => ({ [PEER_HEADER]: peerHeaderValue(token, peer), ...(forwarded ? { "x-forwarded-for": forwarded } : {}) });

  it("a new X-Forwarded-For on every request does not reset the per-IP login limit", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const response = await call(otpRequestEndpoint, { body: { phone: `11 5000-00${String(i).padStart(2, "0")}` }, headers: from("203.0.113.9", `10.0.0.${i}`) });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(202));
    expect(statuses[10]).toBe(429);
    // Another client (another peer) is not affected.
    expect((await call(otpRequestEndpoint, { body: { phone: "11 5000-0099" }, headers: from("203.0.113.10") })).status).toBe(202);
  });

  it("audit rows record the peer, never the forged address, and an oversized header is not a server error", async () => {
    expect((await call(otpRequestEndpoint, { body: { phone: OWNER.phone }, headers: from("203.0.113.11", "5.5.5.5") })).status).toBe(202);
    const response = await call(otpVerifyEndpoint, { body: { phone: OWNER.phone, code: "123456" }, headers: from("203.0.113.11", "6.6.6.6") });
    expect(response.status).toBe(401);
    const huge = await call(otpVerifyEndpoint, { body: { phone: OWNER.phone, code: "123456" }, headers: from("203.0.113.11", `${"9".repeat(300)}, 7.7.7.7`) });
    expect(huge.status).toBe(401);
    const forgedPeer = await call(otpRequestEndpoint, { body: { phone: OWNER.phone }, headers: { [PEER_HEADER]: "guessed-token 8.8.8.8" } });
    expect(forgedPeer.status).toBe(202);
    const ips = (await adminDb().auditLog.findMany({ where: { organizationId: DEMO_ORG.id, action: "auth.login_failed" } })).map((r) => (r.metadata as { ip: string }).ip);
    expect(ips.length).toBeGreaterThan(0);
    expect(new Set(ips)).toEqual(new Set(["203.0.113.11"]));
  });
});

describe("cross-site writes with the session cookie", () => {
  const close = (headers: Record<string, string>) => call(closeConversationEndpoint, { params: { id: conversationId }, headers });

  it.each([
    ["another site's page", { origin: "https://evil.example", "sec-fetch-site": "cross-site" }],
    ["a sibling subdomain (same site, other origin)", { origin: "https://x.campotech.test", "sec-fetch-site": "same-site" }],
    ["an old browser that sends only Origin", { origin: "https://evil.example" }],
    ["a client that sends neither header", {}],
  ])("from %s are refused before anything happens", async (_, headers) => {
    const response = await close({ ...cookie(), ...headers });
    expect(await json(response, 403)).toMatchObject({ error: { code: "CROSS_SITE_REQUEST" } });
    expect((await adminDb().whatsAppConversation.findUniqueOrThrow({ where: { id: conversationId } })).status).toBe("OPEN");
  });

  it("from our own pages go through (Sec-Fetch-Site, or only Origin)", async () => {
    expect((await close({ ...cookie(), ...SAME_ORIGIN })).status).toBe(200);
    await adminDb().whatsAppConversation.update({ where: { id: conversationId }, data: { status: "OPEN" } });
    expect((await close({ ...cookie(), origin: new URL(env.PUBLIC_BASE_URL).origin })).status).toBe(200);
  });

  it("a text/plain body (what a cross-site form can send without a preflight) is not parsed as JSON", async () => {
    const response = await call(sendConversationMessageEndpoint, {
      params: { id: conversationId },
      body: { content: { type: "text", body: "hola" } },
      headers: { ...cookie(), ...SAME_ORIGIN, "content-type": "text/plain" },
    });
    expect(await json(response, 415)).toMatchObject({ error: { code: "UNSUPPORTED_MEDIA_TYPE" } });
  });

  it("the phone app's Bearer token needs no browser headers, and logout by cookie is protected too", async () => {
    expect((await close({ authorization: `Bearer ${ownerToken()}` })).status).toBe(200);
    const logout = await call(logoutEndpoint, { headers: { cookie: "ct_refresh=org.secret", origin: "https://evil.example" } });
    expect(logout.status).toBe(403);
  });
});

describe("redirects after login", () => {
  it.each(["/\\evil.example", "/%5Cevil.example", "//evil.example", "https://evil.example/panel"])("renew never leaves the site for next=%s", async (next) => {
    const response = await renew(new Request(`${BASE_URL}/api/auth/renew?next=${next}`));
    expect(response.status).toBe(303);
    const location = response.headers.get("location")!;
    expect(new URL(location, BASE_URL).origin).toBe(BASE_URL);
    expect(location).toMatch(/^\/ingresar\?next=%2F/);
    expect(decodeURIComponent(location)).not.toContain("evil.example");
  });
});

describe("references the caller must not point at", () => {
  it("a job's technician must have the TECHNICIAN role", async () => {
    const customer = await adminDb().customer.findFirstOrThrow({ where: { organizationId: DEMO_ORG.id, staffUserId: null } });
    const body = { customerId: customer.id, address: "Corrientes 1234", serviceType: "GAS", description: "Revisar calefón" };
    const headers = { authorization: `Bearer ${ownerToken()}` };
    for (const user of [OWNER, DISPATCHER]) {
      const refused = await call(createJobEndpoint, { body: { ...body, technicianId: user.id }, headers });
      expect(await json(refused, 400)).toMatchObject({ error: { fields: { technicianId: expect.stringMatching(/rol de técnico/) } } });
    }
    expect((await call(createJobEndpoint, { body: { ...body, technicianId: TECH.id }, headers })).status).toBe(201);
  });

  it("a reply may quote only a message of the same conversation", async () => {
    const other = await adminDb().whatsAppConversation.findFirstOrThrow({ where: { organizationId: DEMO_ORG.id, customer: { staffUserId: null }, id: { not: conversationId } } });
    const foreign = await adminDb().whatsAppMessage.findFirstOrThrow({ where: { conversationId: other.id, waMessageId: { not: null } } });
    const own = await adminDb().whatsAppMessage.findFirstOrThrow({ where: { conversationId, direction: "INBOUND", waMessageId: { not: null } } });
    await adminDb().whatsAppConversation.update({ where: { id: conversationId }, data: { windowExpiresAt: new Date(Date.now() + 3600_000) } });
    const headers = { authorization: `Bearer ${ownerToken()}` };
    const send = (replyToMessageId: string) =>
      call(sendConversationMessageEndpoint, { params: { id: conversationId }, body: { content: { type: "text", body: "Sí, mañana" }, replyToMessageId }, headers });
    const refused = await send(foreign.waMessageId!);
    expect(await json(refused, 400)).toMatchObject({ error: { fields: { replyToMessageId: expect.stringMatching(/no es de esta conversación/) } } });
    const sent = await json<{ id: string }>(await send(own.waMessageId!), 202);
    const stored = await adminDb().whatsAppMessage.findUniqueOrThrow({ where: { id: sent.id } });
    expect(stored.contextWaMessageId).toBe(own.waMessageId);
  });
});
