import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminDb } from "@campotech/core/lib/db";
import { env } from "@campotech/core/lib/env";
import { getJobTracking } from "@campotech/core/modules/jobs";
import { trackingToken } from "@campotech/core/modules/notifications";
import { resetDatabase } from "@campotech/database/testing";

// The customer's tracking link is a bearer credential in a WhatsApp message: it is parsed exactly and stops working
// a grace period after the visit ended.
const ORG = "sec-track-org";
const ENDED_AT = new Date("2026-11-30T15:00:00Z");

beforeAll(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  const admin = adminDb();
  await admin.organization.create({ data: { id: ORG, name: "Gas del Oeste", cuit: "30712345671", tier: "PROFESIONAL" } });
  await admin.customer.create({ data: { id: "st-cust", organizationId: ORG, phone: "+5491155551113", name: "Cliente" } });
  for (const [id, number, status] of [["st-live", 1, "en_camino"], ["st-done", 2, "completed"], ["st-cancelled", 3, "cancelled"]] as const) {
    await admin.job.create({ data: { id, organizationId: ORG, number, customerId: "st-cust", address: "Calle 1", serviceType: "GAS", description: "x", status } });
    await admin.jobTransition.create({ data: { organizationId: ORG, jobId: id, from: "scheduled", to: status, at: ENDED_AT, actorType: "USER" } });
  }
});
afterAll(() => resetDatabase(env.DATABASE_ADMIN_URL));

const hours = (h: number) => new Date(ENDED_AT.getTime() + h * 3600_000);

describe("tracking links", () => {
  it("work while the visit runs and for the grace period after it ended, then expire", async () => {
    expect(await getJobTracking(trackingToken(ORG, "st-live"), { now: hours(24 * 30) })).toMatchObject({ kind: "ok", view: { number: 1 } });
    for (const job of ["st-done", "st-cancelled"]) {
      expect(await getJobTracking(trackingToken(ORG, job), { now: hours(71), graceHours: 72 })).toMatchObject({ kind: "ok" });
      expect(await getJobTracking(trackingToken(ORG, job), { now: hours(72), graceHours: 72 })).toEqual({ kind: "expired" });
    }
  });

  it.each([
    ["a trailing segment", (t: string) => `${t}.extra`],
    ["a trailing character", (t: string) => `${t}x`],
    ["a leading character", (t: string) => `x${t}`],
    ["a path in front", (t: string) => `../${t}`],
    ["nothing but the body", (t: string) => t.split(".")[0]!],
    ["another job's signature", (t: string) => `${t.split(".")[0]}.${trackingToken(ORG, "st-done").split(".")[1]}`],
  ])("refuse %s", async (_, mangle) => {
    expect(await getJobTracking(mangle(trackingToken(ORG, "st-live")))).toEqual({ kind: "not_found" });
  });
});
