import { Redis } from "ioredis";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { encryptJson, encryptSecret } from "@campotech/core/lib/crypto";
import { adminDb } from "@campotech/core/lib/db";
import { env } from "@campotech/core/lib/env";
import { toWaId } from "@campotech/core/lib/phone";
import { sharedRedis, whenRedisReady } from "@campotech/core/lib/redis";
import { issueAccessToken } from "@campotech/core/modules/auth";
import { deliverMessage } from "@campotech/core/modules/messaging";
import { DEMO_ORG, DEMO_USERS, seedDemo } from "@campotech/database/seed";
import { resetDatabase } from "@campotech/database/testing";
import { call, json, parseSetCookies } from "./api-test-kit";
import { ALL_ENDPOINTS } from "./endpoints";
import { buildOpenApiDocument } from "./openapi";
import { meEndpoint } from "./endpoints/auth";
import { acceptInvitationEndpoint, createInvitationEndpoint, listUsersEndpoint, resendInvitationEndpoint, revokeInvitationEndpoint, updateUserEndpoint } from "./endpoints/users";
import { appLogin, SAME_ORIGIN, SANDBOX } from "./security/security-test-kit";

// The team API end to end on the demo organization (PROFESIONAL: the owner and the dispatcher fill its 2 responder
// seats): invite → the code on the sandbox phone → accept (public) → signed in; resend, revoke, deactivation.
const OWNER = DEMO_USERS.find((u) => u.role === "OWNER")!;
const TECH = DEMO_USERS.find((u) => u.id === "demo-user-tech-1")!;
const PHONE = "+5491155557777";
const redis = new Redis(env.REDIS_URL);
const asOwner = () => ({ authorization: `Bearer ${issueAccessToken({ id: OWNER.id, organizationId: DEMO_ORG.id, role: "OWNER" }).token}` });
type Sent = { invitation: { id: string; status: string; sentCount: number; role: string }; delivery: { channel: string } };

beforeEach(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  await redis.flushdb();
  await whenRedisReady(sharedRedis());
  await seedDemo(adminDb(), { seal: encryptJson, sealSecret: encryptSecret });
});
afterAll(async () => {
  await redis.quit();
});

// Delivers the queued invitation like the worker and reads the code the invitee's WhatsApp received.
async function codeOnPhone(): Promise<string> {
  const message = await adminDb().whatsAppMessage.findFirst({
    where: { organizationId: DEMO_ORG.id, direction: "OUTBOUND", status: "QUEUED", conversation: { customer: { staffUserId: `invitation:${PHONE}` } } },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
  expect(message, "an invitation was queued").toBeTruthy();
  await deliverMessage({ organizationId: DEMO_ORG.id, messageId: message!.id });
  const inbox = (await (await fetch(`${SANDBOX}/_sandbox/customers/${toWaId(PHONE)}/inbox`)).json()) as unknown[];
  const code = JSON.stringify(inbox.at(-1)).match(/Tu código: (\d{6})/)?.[1];
  expect(code, "the phone received the invitation").toBeTruthy();
  return code!;
}

const invite = (body: object) => call(createInvitationEndpoint, { body, headers: asOwner() });

describe("team API", () => {
  it("invites a technician, who joins on /unirme with the code and gets the dashboard's cookies", async () => {
    const sent = await json<Sent>(await invite({ phone: "11 5555-7777", name: "Nico Paz", role: "TECHNICIAN" }), 201);
    expect(sent).toMatchObject({ invitation: { status: "PENDING", role: "TECHNICIAN", sentCount: 1 }, delivery: { channel: "whatsapp" } });
    const code = await codeOnPhone();

    const wrong = await call(acceptInvitationEndpoint, { body: { phone: PHONE, code: code === "000000" ? "111111" : "000000" }, headers: SAME_ORIGIN });
    expect(await json(wrong, 401)).toMatchObject({ error: { code: "UNAUTHENTICATED", message: expect.stringMatching(/no es válido o venció/) } });
    expect(await json(await call(acceptInvitationEndpoint, { body: { phone: PHONE, code: "12" } }), 400)).toMatchObject({ error: { fields: { code: "El código tiene 6 dígitos." } } });

    const accepted = await call(acceptInvitationEndpoint, { body: { phone: "11 5555-7777", code }, headers: SAME_ORIGIN });
    const body = await json<{ user: { role: string }; organizationName: string; accessToken?: string }>(accepted.clone(), 200);
    expect(body).toMatchObject({ user: { role: "TECHNICIAN" }, organizationName: DEMO_ORG.name });
    expect(body.accessToken).toBeUndefined();
    const cookies = parseSetCookies(accepted);
    expect(cookies.map((c) => c.name).sort()).toEqual(["ct_access", "ct_refresh"]);
    const access = cookies.find((c) => c.name === "ct_access")!.value;
    expect(await json(await call(meEndpoint, { headers: { authorization: `Bearer ${access}` } }), 200)).toMatchObject({ name: "Nico Paz", role: "TECHNICIAN" });

    const team = await json<{ items: { name: string; role: string; isActive: boolean; schedule: string | null }[]; invitations: unknown[] }>(await call(listUsersEndpoint, { headers: asOwner() }), 200);
    expect(team.items).toContainEqual(expect.objectContaining({ name: "Nico Paz", role: "TECHNICIAN", isActive: true }));
    expect(team.invitations).toEqual([]);
  });

  it("the phone app gets its tokens in the body when it asks", async () => {
    await json(await invite({ phone: PHONE, name: "Nico", role: "TECHNICIAN" }), 201);
    const code = await codeOnPhone();
    const response = await call(acceptInvitationEndpoint, { body: { phone: PHONE, code }, headers: { "x-session-transport": "body" } });
    expect(await json(response, 200)).toMatchObject({ accessToken: expect.stringMatching(/^ey/), refreshToken: expect.any(String) });
  });

  it("resends (the old code stops working) and cancels", async () => {
    const sent = await json<Sent>(await invite({ phone: PHONE, name: "Nico", role: "VIEWER" }), 201);
    const first = await codeOnPhone();
    const again = await json<Sent>(await call(resendInvitationEndpoint, { params: { id: sent.invitation.id }, headers: asOwner() }), 200);
    expect(again.invitation.sentCount).toBe(2);
    const second = await codeOnPhone();
    if (second !== first) expect((await call(acceptInvitationEndpoint, { body: { phone: PHONE, code: first } })).status).toBe(401);
    expect(await json(await call(revokeInvitationEndpoint, { params: { id: sent.invitation.id }, headers: asOwner() }), 200)).toMatchObject({ status: "REVOKED" });
    expect((await call(acceptInvitationEndpoint, { body: { phone: PHONE, code: second } })).status).toBe(401);
  });

  it("a responder beyond the plan's seats answers PLAN_REQUIRED with the plan that lifts the limit", async () => {
    const refused = await json<{ error: { code: string; message: string; fields: Record<string, string> } }>(await invite({ phone: PHONE, name: "Ada", role: "ADMIN" }), 403);
    expect(refused.error).toEqual({
      code: "PLAN_REQUIRED",
      message: expect.stringMatching(/^Tu plan Profesional tiene 2 lugares para responder/),
      fields: { feature: "multipleResponders", requiredPlan: "EMPRESARIAL" },
    });
    expect(await json(await invite({ phone: PHONE, name: "Ada", role: "OWNER" }), 400)).toMatchObject({ error: { code: "VALIDATION_FAILED" } });
    expect(await json(await invite({ phone: OWNER.phone, name: "Martín", role: "VIEWER" }), 409)).toMatchObject({ error: { code: "CONFLICT" } });
  });

  it("deactivating a technician ends their access token at once and reports the jobs left to reassign", async () => {
    const session = await appLogin(redis, TECH);
    const bearer = { authorization: `Bearer ${session.accessToken}` };
    expect((await call(meEndpoint, { headers: bearer })).status).toBe(200);
    const now = new Date();
    const customer = await adminDb().customer.findFirstOrThrow({ where: { organizationId: DEMO_ORG.id, staffUserId: null }, select: { id: true } });
    const last = await adminDb().job.aggregate({ where: { organizationId: DEMO_ORG.id }, _max: { number: true } });
    await adminDb().job.create({
      data: { organizationId: DEMO_ORG.id, number: (last._max.number ?? 0) + 1, customerId: customer.id, address: "Lavalle 1", serviceType: "PLUMBING", description: "Canilla", technicianId: TECH.id },
    });
    const ahead = await adminDb().job.count({
      where: { technicianId: TECH.id, status: { in: ["pending", "scheduled"] }, OR: [{ scheduledStart: null }, { scheduledStart: { gt: now } }] },
    });
    expect(ahead).toBeGreaterThan(0);
    const off = await json<{ flaggedJobs: number }>(await call(updateUserEndpoint, { params: { id: TECH.id }, body: { isActive: false }, headers: asOwner() }), 200);
    expect(off).toEqual({ id: TECH.id, role: "TECHNICIAN", isActive: false, flaggedJobs: ahead });
    expect(await adminDb().job.count({ where: { technicianId: TECH.id, needsReassignment: true } })).toBe(ahead);
    expect(await json(await call(meEndpoint, { headers: bearer }), 401)).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
  });

  it("documents the team endpoints in OpenAPI, the acceptance as public", () => {
    const doc = buildOpenApiDocument(ALL_ENDPOINTS) as { paths: Record<string, Record<string, { security?: unknown[] }>> };
    expect(Object.keys(doc.paths["/api/users"] ?? {})).toEqual(["get"]);
    expect(Object.keys(doc.paths["/api/users/invitations"] ?? {})).toEqual(["post"]);
    expect(Object.keys(doc.paths["/api/users/invitations/{id}"] ?? {})).toEqual(["delete"]);
    expect(Object.keys(doc.paths["/api/users/invitations/{id}/resend"] ?? {})).toEqual(["post"]);
    expect(doc.paths["/api/invitations/accept"]?.post?.security).toEqual([]);
    expect(doc.paths["/api/users/invitations"]?.post?.security).toEqual([{ bearer: [] }, { cookie: [] }]);
  });
});
