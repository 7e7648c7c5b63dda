import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@campotech/database";
import { resetDatabase } from "@campotech/database/testing";
import { adminDb } from "../../lib/db";
import { env } from "../../lib/env";
import { organizationsWith } from "./organization-ids";

// issue 22 (outbound): the sweeps' probe. Each organization's probe runs as that organization (RLS): a row of one
// organization never makes another one a hit. More organizations than one round trip holds (250), none missed.
const COUNT = 260;
const ids = Array.from({ length: COUNT }, (_, i) => `org-probe-${String(i).padStart(3, "0")}`);
const withCustomer = new Set([ids[3]!, ids[251]!, ids[259]!]);

beforeAll(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  const admin = adminDb();
  await admin.organization.createMany({ data: ids.map((id, i) => ({ id, name: id, cuit: `30${String(30000000 + i)}`, status: i === 7 ? ("SUSPENDED" as const) : ("ACTIVE" as const) })) });
  await admin.customer.createMany({ data: [...withCustomer].map((organizationId) => ({ id: `${organizationId}-c`, organizationId, name: "Cliente" })) });
});

afterAll(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
});

describe("organizationsWith", () => {
  it("returns exactly the active organizations whose own rows satisfy the probe", async () => {
    expect(new Set(await organizationsWith(Prisma.sql`EXISTS (SELECT 1 FROM "Customer")`))).toEqual(withCustomer);
    expect(await organizationsWith(Prisma.sql`EXISTS (SELECT 1 FROM "Customer" WHERE "name" = ${"Nadie"})`)).toEqual([]);
  });

  it("probes every active organization across round trips, and skips the suspended one", async () => {
    const all = await organizationsWith(Prisma.sql`true`);
    expect(all).toHaveLength(COUNT - 1);
    expect(all).not.toContain(ids[7]);
    // The setting the RLS policies read is the organization being probed.
    const self = await organizationsWith(Prisma.sql`current_setting('app.current_organization_id', true) = ${ids[255]!}`);
    expect(self).toEqual([ids[255]]);
  });
});
