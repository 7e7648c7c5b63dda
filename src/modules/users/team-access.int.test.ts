import { Redis } from "ioredis";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "@campotech/database/testing";
import { adminDb, withTenant } from "../../lib/db";
import { env } from "../../lib/env";
import { verifyAuditChain } from "../audit/verify-audit-chain";
import { updateJob } from "../jobs/update-job";
import { inviteUser } from "./invite-user";
import { touchLastActive } from "./touch-last-active";
import { updateUserAccess } from "./update-user-access";

// Deactivation flags the jobs ahead, responder seats follow the plan, the last owner stays, lastActiveAt is throttled.
const ORG = "org-team";
const redis = new Redis(env.REDIS_URL);
const NOW = new Date();
const inHours = (h: number) => new Date(NOW.getTime() + h * 3600_000);
const owner = { userId: "t-owner", role: "OWNER" as const };

async function user(id: string, role: "OWNER" | "ADMIN" | "DISPATCHER" | "TECHNICIAN" | "VIEWER", isActive = true) {
  const n = (await adminDb().user.count()) + 10;
  await adminDb().user.create({ data: { id, organizationId: ORG, phone: `+54911444400${n}`, name: id, role, isActive } });
}

let jobNumber = 0;
async function job(id: string, data: { status: "pending" | "scheduled" | "en_camino" | "completed"; start?: Date | null; technicianId?: string }) {
  await adminDb().job.create({
    data: {
      id, organizationId: ORG, number: ++jobNumber, customerId: "t-customer", address: "Av. Siempre Viva 742", serviceType: "PLUMBING", description: "Pérdida",
      status: data.status, technicianId: data.technicianId ?? "t-tech", scheduledStart: data.start ?? null, scheduledEnd: data.start ? new Date(data.start.getTime() + 3600_000) : null,
    },
  });
}

beforeEach(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  await redis.flushdb();
  await adminDb().organization.create({ data: { id: ORG, name: "Plomería Sur", cuit: "30712345671", tier: "PROFESIONAL" } });
  await adminDb().customer.create({ data: { id: "t-customer", organizationId: ORG, name: "Ana", phone: "+5491155550000" } });
  await user("t-owner", "OWNER");
  await user("t-tech", "TECHNICIAN");
});
afterAll(async () => {
  await redis.quit();
});

describe("deactivating a technician", () => {
  it("flags their jobs ahead (scheduled later or unscheduled), says how many, and reactivation keeps the flags", async () => {
    await job("j-future", { status: "scheduled", start: inHours(24) });
    await job("j-unscheduled", { status: "pending" });
    await job("j-past", { status: "scheduled", start: inHours(-2) });
    await job("j-on-the-way", { status: "en_camino", start: inHours(1) });
    await job("j-done", { status: "completed", start: inHours(48) });
    await user("t-other", "TECHNICIAN");
    await job("j-other", { status: "scheduled", start: inHours(24), technicianId: "t-other" });

    const off = await updateUserAccess({ organizationId: ORG, userId: "t-tech", change: { isActive: false }, actor: owner, now: NOW });
    expect(off).toEqual({ id: "t-tech", role: "TECHNICIAN", isActive: false, flaggedJobs: 2 });
    const flagged = await adminDb().job.findMany({ where: { needsReassignment: true }, select: { id: true }, orderBy: { id: "asc" } });
    expect(flagged.map((j) => j.id)).toEqual(["j-future", "j-unscheduled"]);
    const audit = await adminDb().auditLog.findFirstOrThrow({ where: { action: "user.deactivated" } });
    expect(audit.metadata).toMatchObject({ flaggedJobs: 2 });

    expect(await updateUserAccess({ organizationId: ORG, userId: "t-tech", change: { isActive: true }, actor: owner, now: NOW })).toMatchObject({ isActive: true, flaggedJobs: 0 });
    expect(await adminDb().job.count({ where: { needsReassignment: true } })).toBe(2);

    // Giving the job to someone else settles it.
    await withTenant(ORG, (tx) => updateJob(tx, { organizationId: ORG, userId: "t-owner", role: "OWNER" }, "j-future", { technicianId: "t-other" }));
    expect((await adminDb().job.findUniqueOrThrow({ where: { id: "j-future" } })).needsReassignment).toBe(false);
    expect((await verifyAuditChain({ organizationId: ORG })).ok).toBe(true);
  });

  it("the last active owner can be neither deactivated nor demoted, not even by an operator", async () => {
    await expect(updateUserAccess({ organizationId: ORG, userId: "t-owner", change: { isActive: false }, actor: { operator: true } })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/al menos un dueño activo/) });
    await expect(updateUserAccess({ organizationId: ORG, userId: "t-owner", change: { role: "ADMIN" }, actor: { operator: true } })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await adminDb().user.findUniqueOrThrow({ where: { id: "t-owner" } })).toMatchObject({ role: "OWNER", isActive: true });
  });
});

describe("responder seats by plan", () => {
  it("PROFESIONAL has 2: a pending responder invitation takes the second, the next one is refused with PLAN_REQUIRED; technicians are free", async () => {
    await inviteUser(ORG, owner, { phone: "+5491155550201", name: "Admin", role: "ADMIN" });
    const refused = inviteUser(ORG, owner, { phone: "+5491155550202", name: "Despachante", role: "DISPATCHER" });
    await expect(refused).rejects.toMatchObject({
      code: "PLAN_REQUIRED", status: 403, fields: { feature: "multipleResponders", requiredPlan: "EMPRESARIAL" },
      message: expect.stringMatching(/Tu plan Profesional tiene 2 lugares para responder/),
    });
    await expect(inviteUser(ORG, owner, { phone: "+5491155550203", name: "Técnica", role: "TECHNICIAN" })).resolves.toMatchObject({ invitation: { role: "TECHNICIAN" } });
  });

  it("promoting or reactivating into a responder role beyond the seats is refused; within them it works", async () => {
    await user("t-dispatcher", "DISPATCHER");
    await user("t-former", "ADMIN", false);
    await expect(updateUserAccess({ organizationId: ORG, userId: "t-tech", change: { role: "DISPATCHER" }, actor: owner })).rejects.toMatchObject({ code: "PLAN_REQUIRED" });
    await expect(updateUserAccess({ organizationId: ORG, userId: "t-former", change: { isActive: true }, actor: owner })).rejects.toMatchObject({ code: "PLAN_REQUIRED" });
    // Moving between responder roles takes no new seat.
    await expect(updateUserAccess({ organizationId: ORG, userId: "t-dispatcher", change: { role: "ADMIN" }, actor: owner })).resolves.toMatchObject({ role: "ADMIN" });
    await adminDb().organization.update({ where: { id: ORG }, data: { tier: "ENTERPRISE" } });
    await expect(updateUserAccess({ organizationId: ORG, userId: "t-tech", change: { role: "DISPATCHER" }, actor: owner })).resolves.toMatchObject({ role: "DISPATCHER" });
  });

  it("FREE and INICIAL have one seat: the owner's; an expired trial reads as FREE", async () => {
    await adminDb().organization.update({ where: { id: ORG }, data: { tier: "EMPRESARIAL", trialEndsAt: new Date(NOW.getTime() - 1000) } });
    await expect(inviteUser(ORG, owner, { phone: "+5491155550204", name: "Admin", role: "ADMIN" })).rejects.toMatchObject({
      code: "PLAN_REQUIRED", message: expect.stringMatching(/Tu plan Gratis tiene 1 lugar para responder/), fields: { requiredPlan: "PROFESIONAL" },
    });
  });
});

describe("last activity", () => {
  it("is written at most once a minute per user", async () => {
    const first = new Date("2026-12-01T12:00:00Z");
    expect(await touchLastActive({ sub: "t-tech", org: ORG }, { redis, now: first })).toBe(true);
    expect(await touchLastActive({ sub: "t-tech", org: ORG }, { redis, now: new Date(first.getTime() + 5_000) })).toBe(false);
    expect((await adminDb().user.findUniqueOrThrow({ where: { id: "t-tech" } })).lastActiveAt).toEqual(first);
    await redis.del("user:last-active:t-tech");
    const later = new Date(first.getTime() + 61_000);
    expect(await touchLastActive({ sub: "t-tech", org: ORG }, { redis, now: later })).toBe(true);
    expect((await adminDb().user.findUniqueOrThrow({ where: { id: "t-tech" } })).lastActiveAt).toEqual(later);
  });
});
