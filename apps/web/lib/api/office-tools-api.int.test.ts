import { beforeAll, describe, expect, it } from "vitest";
import type { UserRole } from "@campotech/database";
import { resetDatabase } from "@campotech/database/testing";
import { adminDb } from "@campotech/core/lib/db";
import { env } from "@campotech/core/lib/env";
import { issueAccessToken } from "@campotech/core/modules/auth";
import { call, json } from "./api-test-kit";
import { createPriceListItemEndpoint, listPriceListEndpoint, updatePriceListItemEndpoint } from "./endpoints/price-list";
import { getReportEndpoint } from "./endpoints/reports";

// The reports range checks and the price-list edits the /panel/precios editor makes, through HTTP.
const ORG = "ot-org";
const users: Record<string, UserRole> = { "ot-admin": "ADMIN", "ot-dispatcher": "DISPATCHER" };
const as = (id: string) => ({ authorization: `Bearer ${issueAccessToken({ id, organizationId: ORG, role: users[id]! }).token}` });
type Item = { id: string; code: string; name: string; priceCents: number; ivaRateBps: number; active: boolean; serviceType: string };
type Failure = { error: { message: string; fields?: Record<string, string> } };

beforeAll(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  await adminDb().organization.create({ data: { id: ORG, name: "Plomería Sur", cuit: "30712345679" } });
  for (const [i, [id, role]] of Object.entries(users).entries()) await adminDb().user.create({ data: { id, organizationId: ORG, phone: `+549114200000${i}`, name: id, role } });
});

describe("GET /api/reports", () => {
  it("answers a valid range with every figure, empty ones as zeros", async () => {
    const report = await json<{ from: string; granularity: string; revenue: { points: unknown[] }; assistantResolution: { assistantShareBps: number | null } }>(
      await call(getReportEndpoint, { query: { from: "2026-11-01", to: "2026-11-07" }, headers: as("ot-dispatcher") }), 200);
    expect(report).toMatchObject({ from: "2026-11-01", granularity: "day", assistantResolution: { assistantShareBps: null } });
    expect(report.revenue.points).toHaveLength(7);
  });

  it.each([
    [{ from: "2026-11-30", to: "2026-11-01" }, "to", "La fecha «hasta» tiene que ser igual o posterior a «desde»."],
    [{ from: "2025-01-01", to: "2026-11-30" }, "to", "El rango puede abarcar hasta 366 días."],
    [{ from: "30/11/2026", to: "2026-11-30" }, "from", "Usá el formato AAAA-MM-DD (por ejemplo 2026-12-01)."],
    [{ to: "2026-11-30" }, "from", "Falta la fecha."],
  ])("refuses %j with 400 and a Spanish reason", async (query, field, message) => {
    const body = await json<Failure>(await call(getReportEndpoint, { query, headers: as("ot-admin") }), 400);
    expect(body.error.fields?.[field]).toBe(message);
  });
});

describe("price list edits", () => {
  const item = { code: "ot-calefon", name: "Service de calefón", serviceType: "GAS", unit: "servicio", priceCents: 1_250_050, ivaRateBps: 2100 };

  it("creates an item once: the same request again returns it, another item under the code is a conflict", async () => {
    const created = await json<Item>(await call(createPriceListItemEndpoint, { body: item, headers: as("ot-admin") }), 201);
    expect(created).toMatchObject({ code: "ot-calefon", priceCents: 1_250_050, active: true });
    const again = await json<Item>(await call(createPriceListItemEndpoint, { body: item, headers: as("ot-admin") }), 201);
    expect(again.id).toBe(created.id);
    const clash = await json<Failure>(await call(createPriceListItemEndpoint, { body: { ...item, priceCents: 1 }, headers: as("ot-admin") }), 409);
    expect(clash.error.message).toBe("Ya hay un ítem con ese código.");
    expect(await adminDb().priceListItem.count({ where: { organizationId: ORG, code: "ot-calefon" } })).toBe(1);
    expect(await adminDb().auditLog.count({ where: { organizationId: ORG, action: "price_list.item_created" } })).toBe(1);
  });

  it("edits price and IVA, deactivates (kept, hidden from the active list) and reactivates; searches by name", async () => {
    const { items } = await json<{ items: Item[] }>(await call(listPriceListEndpoint, { query: { q: "CALEF" }, headers: as("ot-dispatcher") }), 200);
    expect(items.map((i) => i.code)).toEqual(["ot-calefon"]);
    const id = items[0]!.id;
    const edited = await json<Item>(await call(updatePriceListItemEndpoint, { params: { id }, body: { priceCents: 1_300_000, ivaRateBps: 1050 }, headers: as("ot-admin") }), 200);
    expect(edited).toMatchObject({ priceCents: 1_300_000, ivaRateBps: 1050 });
    const badRate = await json<Failure>(await call(updatePriceListItemEndpoint, { params: { id }, body: { ivaRateBps: 1000 }, headers: as("ot-admin") }), 400);
    expect(badRate.error.message).toMatch(/Alícuota de IVA inválida/);

    for (let i = 0; i < 2; i++) await json<Item>(await call(updatePriceListItemEndpoint, { params: { id }, body: { active: false }, headers: as("ot-admin") }), 200);
    const active = await json<{ items: Item[] }>(await call(listPriceListEndpoint, { headers: as("ot-admin") }), 200);
    expect(active.items.map((i) => i.code)).not.toContain("ot-calefon");
    const all = await json<{ items: Item[] }>(await call(listPriceListEndpoint, { query: { includeInactive: "true" }, headers: as("ot-admin") }), 200);
    expect(all.items.find((i) => i.code === "ot-calefon")).toMatchObject({ active: false, priceCents: 1_300_000 });

    await json<Item>(await call(updatePriceListItemEndpoint, { params: { id }, body: { active: true }, headers: as("ot-admin") }), 200);
    expect((await adminDb().priceListItem.findUniqueOrThrow({ where: { id } })).active).toBe(true);
  });

  it("lets only pricelist.manage edit: a dispatcher sees the list but can't change it", async () => {
    await json<Failure>(await call(createPriceListItemEndpoint, { body: { ...item, code: "ot-otro" }, headers: as("ot-dispatcher") }), 403);
    const { items } = await json<{ items: Item[] }>(await call(listPriceListEndpoint, { headers: as("ot-dispatcher") }), 200);
    await json<Failure>(await call(updatePriceListItemEndpoint, { params: { id: items[0]!.id }, body: { active: false }, headers: as("ot-dispatcher") }), 403);
  });
});
