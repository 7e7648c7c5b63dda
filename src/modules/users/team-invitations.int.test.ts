import { Redis } from "ioredis";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox } from "../../integrations/whatsapp/sandbox-harness";
import { adminDb } from "../../lib/db";
import { env } from "../../lib/env";
import { verifyAccessToken } from "../auth/access-token";
import { verifyAuditChain } from "../audit/verify-audit-chain";
import { clock, depsFor, drain, ORG_A, ORG_B, seedOrganizations } from "../messaging/outbound-test-kit";
import { acceptInvitation } from "./accept-invitation";
import { inviteUser } from "./invite-user";
import { listTeam } from "./list-team";
import { resendInvitation } from "./resend-invitation";
import { revokeInvitation } from "./revoke-invitation";
import { withTenant } from "../../lib/db";

let sandbox: TestSandbox;
const redis = new Redis(env.REDIS_URL);
const T0 = Date.now();
const PHONE = "+5491155550101";
const ip = "203.0.113.9";
const owner = { userId: "u-owner", role: "OWNER" as const };

beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => {
  await sandbox.close();
  await redis.quit();
});
beforeEach(async () => {
  await seedOrganizations(sandbox, redis, { customers: 1 });
  await adminDb().user.create({ data: { id: "u-owner", organizationId: ORG_A, phone: "+5491144440001", name: "Martín Gómez", role: "OWNER" } });
  await adminDb().waTemplate.create({
    data: { organizationId: ORG_A, name: "staff_alert", language: "es_AR", category: "UTILITY", status: "APPROVED", components: [{ type: "BODY", text: "CampoTech · {{1}}: {{2}}" }] },
  });
});

// Runs the delivery like the worker and reads the code from what the invitee's phone received.
async function codeOnPhone(messageId: string | null, c: ReturnType<typeof clock>): Promise<{ code: string; text: string }> {
  expect(messageId).toBeTruthy();
  await drain([{ organizationId: ORG_A, messageId: messageId! }], depsFor(sandbox, redis, c.now), c);
  const inbox = (await sandbox.control("GET", `/_sandbox/customers/${PHONE.slice(1)}/inbox`)) as unknown[];
  const text = JSON.stringify(inbox.at(-1));
  const code = text.match(/Tu código: (\d{6})/)?.[1];
  expect(code, text).toBeTruthy();
  return { code: code!, text };
}

const wrongFor = (code: string) => (code === "000000" ? "111111" : "000000");
const accept = (code: string, at = T0) => acceptInvitation({ phone: "11 5555-0101", code, ip }, { redis, now: () => at });

describe("team invitations", () => {
  it("invites on WhatsApp, the invitee joins with the code and gets a session; all audited", async () => {
    const c = clock(T0);
    const { invitation, delivery } = await inviteUser(ORG_A, owner, { phone: "11 5555-0101", name: "Diego Ruiz", role: "technician" }, { now: new Date(T0) });
    expect(delivery.channel).toBe("whatsapp");
    expect(invitation).toMatchObject({ phone: PHONE, role: "TECHNICIAN", status: "PENDING", sentCount: 1 });
    expect(invitation.expiresAt.getTime()).toBe(T0 + 72 * 3600_000);
    const { code, text } = await codeOnPhone(delivery.messageId, c);
    expect(text).toContain("Martín te invitó a sumarte a Org org-a en CampoTech como técnico.");
    expect(text).toContain(`${env.PUBLIC_BASE_URL.replace(/\/$/, "")}/unirme`);
    // Nobody reads the code back from the stored message.
    const stored = await adminDb().whatsAppMessage.findUniqueOrThrow({ where: { id: delivery.messageId! } });
    expect(JSON.stringify(stored.content)).not.toContain(code);
    expect((await adminDb().teamInvitation.findUniqueOrThrow({ where: { id: invitation.id } })).codeHash).not.toContain(code);

    const session = await accept(code);
    const claims = verifyAccessToken(session.accessToken);
    expect(claims).toMatchObject({ org: ORG_A, role: "TECHNICIAN" });
    expect(session.organizationName).toBe("Org org-a");
    expect(await adminDb().user.findUniqueOrThrow({ where: { id: claims.sub } })).toMatchObject({ phone: PHONE, name: "Diego Ruiz", role: "TECHNICIAN", isActive: true });
    expect(await adminDb().teamInvitation.findUniqueOrThrow({ where: { id: invitation.id } })).toMatchObject({ status: "ACCEPTED", userId: claims.sub });
    // Used once.
    await expect(accept(code)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });

    const actions = (await adminDb().auditLog.findMany({ where: { organizationId: ORG_A }, orderBy: { seq: "asc" } })).map((r) => r.action);
    expect(actions).toEqual(["team.invitation_created", "team.invitation_accepted", "auth.login"]);
    expect((await verifyAuditChain({ organizationId: ORG_A })).ok).toBe(true);
    // The staff recipient row has no phone: inbound matching and customer lists never see it.
    expect(await adminDb().customer.findFirst({ where: { staffUserId: `invitation:${PHONE}` }, select: { phone: true } })).toEqual({ phone: null });
  });

  it("refuses the owner role, an active member's phone and a second pending invitation", async () => {
    await expect(inviteUser(ORG_A, owner, { phone: PHONE, name: "X", role: "OWNER" })).rejects.toMatchObject({ code: "VALIDATION_FAILED", fields: { role: expect.stringMatching(/Elegí un rol/) } });
    await expect(inviteUser(ORG_A, owner, { phone: "+5491144440001", name: "Martín", role: "TECHNICIAN" })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/ya es parte del equipo/) });
    await inviteUser(ORG_A, owner, { phone: PHONE, name: "Diego", role: "TECHNICIAN" });
    await expect(inviteUser(ORG_A, owner, { phone: PHONE, name: "Diego", role: "TECHNICIAN" })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/invitación pendiente/) });
    expect(await adminDb().teamInvitation.count()).toBe(1);
  });

  it("a wrong code counts; after 5 the invitation is locked until a resend, whose new code works and the old does not", async () => {
    const c = clock(T0);
    const first = await inviteUser(ORG_A, owner, { phone: PHONE, name: "Diego", role: "TECHNICIAN" }, { now: new Date(T0) });
    const { code } = await codeOnPhone(first.delivery.messageId, c);
    for (let i = 1; i <= 4; i++) await expect(accept(wrongFor(code))).rejects.toMatchObject({ code: "UNAUTHENTICATED", message: expect.stringMatching(/no es válido o venció/) });
    await expect(accept(wrongFor(code))).rejects.toMatchObject({ code: "OTP_LOCKED", status: 429, message: expect.stringMatching(/demasiadas veces/) });
    await expect(accept(code)).rejects.toMatchObject({ code: "OTP_LOCKED" });
    expect(await adminDb().auditLog.count({ where: { action: "team.invitation_code_failed" } })).toBe(5);

    const again = await resendInvitation(ORG_A, owner, first.invitation.id, { now: new Date(T0) });
    expect(again.invitation.sentCount).toBe(2);
    const fresh = await codeOnPhone(again.delivery.messageId, c);
    if (fresh.code !== code) await expect(accept(code)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(verifyAccessToken((await accept(fresh.code)).accessToken).role).toBe("TECHNICIAN");
  });

  it("a code stops working after 72 hours", async () => {
    const c = clock(T0);
    const { delivery } = await inviteUser(ORG_A, owner, { phone: PHONE, name: "Diego", role: "TECHNICIAN" }, { now: new Date(T0) });
    const { code } = await codeOnPhone(delivery.messageId, c);
    await expect(accept(code, T0 + 72 * 3600_000 + 1)).rejects.toMatchObject({ code: "UNAUTHENTICATED", message: expect.stringMatching(/venció/) });
    const team = await withTenant(ORG_A, (tx) => listTeam(tx, new Date(T0 + 72 * 3600_000 + 1)));
    expect(team.invitations.map((i) => i.status)).toEqual(["EXPIRED"]);
  });

  it("revoking ends the code, once (idempotent), and an accepted invitation cannot be revoked", async () => {
    const c = clock(T0);
    const { invitation, delivery } = await inviteUser(ORG_A, owner, { phone: PHONE, name: "Diego", role: "TECHNICIAN" }, { now: new Date(T0) });
    const { code } = await codeOnPhone(delivery.messageId, c);
    expect((await revokeInvitation(ORG_A, owner, invitation.id)).status).toBe("REVOKED");
    expect((await revokeInvitation(ORG_A, owner, invitation.id)).status).toBe("REVOKED");
    expect(await adminDb().auditLog.count({ where: { action: "team.invitation_revoked" } })).toBe(1);
    await expect(accept(code)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(resendInvitation(ORG_A, owner, invitation.id)).rejects.toMatchObject({ code: "CONFLICT" });
    // Another organization's invitation is not found through this one.
    await expect(revokeInvitation(ORG_B, owner, invitation.id)).rejects.toMatchObject({ code: "NOT_FOUND" });

    const second = await inviteUser(ORG_A, owner, { phone: PHONE, name: "Diego", role: "TECHNICIAN" }, { now: new Date(T0) });
    await accept((await codeOnPhone(second.delivery.messageId, c)).code);
    await expect(revokeInvitation(ORG_A, owner, second.invitation.id)).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/ya fue aceptada/) });
  });

  it("caps the codes one invitation may send at 5", async () => {
    const { invitation } = await inviteUser(ORG_A, owner, { phone: PHONE, name: "Diego", role: "TECHNICIAN" });
    for (let i = 2; i <= 5; i++) expect((await resendInvitation(ORG_A, owner, invitation.id)).invitation.sentCount).toBe(i);
    await expect(resendInvitation(ORG_A, owner, invitation.id)).rejects.toMatchObject({ code: "RATE_LIMITED", message: expect.stringMatching(/Ya mandamos 5 códigos/) });
    expect(await adminDb().auditLog.count({ where: { action: "team.invitation_resent" } })).toBe(4);
  });

  it("an organization that cannot send on WhatsApp still invites: the code goes by the platform's SMS", async () => {
    await adminDb().waTemplate.updateMany({ where: { organizationId: ORG_A, name: "staff_alert" }, data: { status: "DRAFT" } });
    const { delivery } = await inviteUser(ORG_A, owner, { phone: PHONE, name: "Diego", role: "TECHNICIAN" });
    expect(delivery).toEqual({ channel: "sms", messageId: null });
    // The suite-wide sandbox at the env URLs received the platform SMS (vitest.global-setup.ts).
    const base = env.TWILIO_API_BASE_URL.replace(/\/twilio$/, "");
    const inbox = (await (await fetch(`${base}/_sandbox/customers/${PHONE.slice(1)}/inbox`)).json()) as { provider: string; payload: { Body?: string } }[];
    const body = inbox.filter((m) => m.provider === "TWILIO_SMS").at(-1)?.payload.Body ?? "";
    expect(body).toMatch(/^Martín te invitó a sumarte a Org org-a en CampoTech como técnico\. Tu código: \d{6}\./);
    const session = await accept(body.match(/Tu código: (\d{6})/)![1]!);
    expect(verifyAccessToken(session.accessToken)).toMatchObject({ org: ORG_A, role: "TECHNICIAN" });
  });

  it("a former member with the same phone is reactivated with the invitation's role", async () => {
    const c = clock(T0);
    await adminDb().user.create({ data: { id: "u-former", organizationId: ORG_A, phone: PHONE, name: "Diego viejo", role: "VIEWER", isActive: false, sessionVersion: 3 } });
    const { delivery } = await inviteUser(ORG_A, owner, { phone: PHONE, name: "Diego", role: "TECHNICIAN" }, { now: new Date(T0) });
    const session = await accept((await codeOnPhone(delivery.messageId, c)).code);
    expect(verifyAccessToken(session.accessToken)).toMatchObject({ sub: "u-former", role: "TECHNICIAN", sv: 4 });
    expect(await adminDb().user.findUniqueOrThrow({ where: { id: "u-former" } })).toMatchObject({ isActive: true, role: "TECHNICIAN" });
    expect(await adminDb().user.count({ where: { organizationId: ORG_A } })).toBe(2);
  });

  it("lists people with their weekly hours and last activity, and the invitations still open", async () => {
    await adminDb().user.create({ data: { id: "u-tech", organizationId: ORG_A, phone: "+5491144440003", name: "Sofía", role: "TECHNICIAN" } });
    await adminDb().technicianSchedule.create({ data: { organizationId: ORG_A, userId: "u-tech", workingHours: { 1: [["08:00", "17:00"]], 2: [["08:00", "17:00"]] } } });
    await inviteUser(ORG_A, owner, { phone: PHONE, name: "Diego", role: "TECHNICIAN" });
    const team = await withTenant(ORG_A, (tx) => listTeam(tx));
    expect(team.users.map((u) => [u.name, u.role, u.schedule])).toEqual([["Martín Gómez", "OWNER", null], ["Sofía", "TECHNICIAN", "Lun a Mar 08:00–17:00"]]);
    expect(team.invitations).toEqual([expect.objectContaining({ name: "Diego", status: "PENDING", phone: PHONE })]);
  });
});
