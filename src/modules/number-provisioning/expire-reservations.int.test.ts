import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../../../database/testing/reset";
import { startTestSandbox, type TestSandbox } from "../../integrations/whatsapp/sandbox-harness";
import { adminDb, withTenant } from "../../lib/db";
import { env } from "../../lib/env";
import { closeSharedRedis } from "../../lib/redis";
import { findJob } from "../../workers/catalog";
import { createOrganization } from "../organizations/create-organization";
import { expireReservations } from "./expire-reservations";
import { getProvisioningState } from "./get-provisioning-state";
import { listAvailableNumbers } from "./list-available-numbers";
import { depsFor, poolIds } from "./provisioning-test-kit";
import { reserveNumber } from "./reserve-number";
import { sendVerificationCode } from "./send-verification-code";

const USER = { type: "USER" as const, id: "owner" };
let sandbox: TestSandbox;
let orgId: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => {
  await sandbox?.close();
  await closeSharedRedis();
  await resetDatabase(env.DATABASE_ADMIN_URL);
});
beforeEach(async () => {
  await sandbox.reset();
  await resetDatabase(env.DATABASE_ADMIN_URL);
  const { organization } = await createOrganization(adminDb(), { name: "Plomería Sur", cuit: "30-71234567-1", tier: "PROFESIONAL", ownerPhone: "011 15 4444-6666" });
  orgId = organization.id;
});

async function reserve(now: Date) {
  const [first] = await listAvailableNumbers(orgId, { areaCode: "11" }, depsFor(sandbox, now));
  return reserveNumber(orgId, { numberId: first!.id }, USER, depsFor(sandbox, now));
}

describe("provisioning.expire-reservations", () => {
  it("keeps a live reservation, and after 5 minutes returns the number to the pool and the owner to NOT_STARTED", async () => {
    const t0 = new Date();
    const reserved = await reserve(t0);
    expect(await poolIds(sandbox, "11")).toHaveLength(4);

    expect(await expireReservations(depsFor(sandbox, new Date(t0.getTime() + 4 * 60_000)))).toEqual({ expired: 0, failed: 0 });
    expect((await getProvisioningState(orgId)).status).toBe("PENDING_NUMBER_SELECTION");

    expect(await expireReservations(depsFor(sandbox, new Date(t0.getTime() + 5 * 60_000 + 1)))).toEqual({ expired: 1, failed: 0 });
    const state = await getProvisioningState(orgId);
    expect(state).toMatchObject({ status: "NOT_STARTED", phoneNumber: null, reservedUntil: null });
    expect(state.lastError).toBe(`La reserva del número ${reserved.phoneNumberDisplay} venció antes de verificarlo: elegí un número de nuevo.`);
    expect(await poolIds(sandbox, "11")).toHaveLength(5);
    const audit = await withTenant(orgId, (tx) => tx.auditLog.findFirst({ where: { action: "provisioning.reservation_expired" } }));
    expect(audit).toMatchObject({ actorType: "SYSTEM" });
    // Reserving again starts fresh on the same row and clears the reason.
    expect(await reserve(new Date(t0.getTime() + 6 * 60_000))).toMatchObject({ status: "PENDING_NUMBER_SELECTION", id: reserved.id, lastError: null });
  });

  it("a sent code holds the number for its 10 minutes", async () => {
    const t0 = new Date();
    await reserve(t0);
    await sendVerificationCode(orgId, USER, depsFor(sandbox, new Date(t0.getTime() + 60_000)));
    expect((await expireReservations(depsFor(sandbox, new Date(t0.getTime() + 6 * 60_000)))).expired).toBe(0);
    expect((await expireReservations(depsFor(sandbox, new Date(t0.getTime() + 11 * 60_000 + 1)))).expired).toBe(1);
    expect(await getProvisioningState(orgId)).toMatchObject({ status: "NOT_STARTED", verificationExpiresAt: null });
  });

  it("is in the job catalog on the system queue and runs with the environment's partner", async () => {
    const job = findJob("provisioning.expire-reservations");
    expect(job?.queue).toBe("system");
    // Nothing is due: the suite-wide sandbox at DIALOG360_PARTNER_API_URL is not even called.
    await reserve(new Date());
    const logger = { warn: () => undefined } as unknown as Parameters<NonNullable<typeof job>["handler"]>[1]["logger"];
    expect(await job!.handler({}, { jobId: "1", attempt: 1, logger })).toEqual({ expired: 0, failed: 0 });
  });
});
