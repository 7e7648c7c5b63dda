import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "@campotech/database/testing";
import { adminDb } from "@campotech/core/lib/db";
import { env } from "@campotech/core/lib/env";
import { issueAccessToken } from "@campotech/core/modules/auth";
import { verifyAuditChain } from "@campotech/core/modules/audit";
import { call, json } from "./api-test-kit";
import {
  addCustomerAddressEndpoint,
  getCustomerEndpoint,
  listCustomersEndpoint,
  mergeCustomerEndpoint,
  removeCustomerAddressEndpoint,
  setCustomerTagsEndpoint,
  updateCustomerAddressEndpoint,
} from "./endpoints/customers";

// Tags, the address book and merges through the HTTP adapters; who may call them is the matrix's job.
const ORG = "ct-org";
const C = "ct-martina";
const headers = { authorization: `Bearer ${issueAccessToken({ id: "ct-owner", organizationId: ORG, role: "OWNER" }).token}` };
const admin = () => adminDb();
const tags = (body: unknown) => call(setCustomerTagsEndpoint, { params: { id: C }, body, headers });
const addresses = async () => (await json<{ addresses: { id: string; street: string; isDefault: boolean }[] }>(await call(getCustomerEndpoint, { params: { id: C }, headers }), 200)).addresses;
const customerRow = () => admin().customer.findUniqueOrThrow({ where: { id: C } });

beforeEach(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  await admin().organization.create({ data: { id: ORG, name: "Org CT", cuit: "30712345671", tier: "PROFESIONAL" } });
  await admin().user.create({ data: { id: "ct-owner", organizationId: ORG, phone: "+5491140000001", name: "Dueña", role: "OWNER" } });
  await admin().customer.create({ data: { id: C, organizationId: ORG, phone: "+5491155550101", name: "Martina Gómez" } });
  await admin().customer.create({ data: { id: "ct-other", organizationId: ORG, phone: "+5491155550202", name: "Bruno Díaz", tags: ["mayorista"] } });
});
afterAll(() => resetDatabase(env.DATABASE_ADMIN_URL));

describe("tags", () => {
  it("normalizes (trimmed, lower-case, spaces collapsed), de-duplicates, and a repeated request changes nothing", async () => {
    const first = await json<{ tags: string[] }>(await tags({ add: ["  Consorcio   VIP ", "consorcio vip", "Mayorista"] }), 200);
    expect(first.tags).toEqual(["consorcio vip", "mayorista"]);
    const again = await json<{ tags: string[] }>(await tags({ add: ["CONSORCIO VIP"] }), 200);
    expect(again.tags).toEqual(["consorcio vip", "mayorista"]);
    expect(await admin().auditLog.count({ where: { action: "customer.tags_changed" } })).toBe(1);
    const removed = await json<{ tags: string[] }>(await tags({ remove: ["Mayorista"] }), 200);
    expect(removed.tags).toEqual(["consorcio vip"]);
    expect((await json<{ tags: string[] }>(await tags({ remove: ["mayorista"] }), 200)).tags).toEqual(["consorcio vip"]);
  });

  it("refuses a tag over 30 characters, an empty one, and a 21st tag, in Spanish", async () => {
    const long = await json<{ error: { message: string } }>(await tags({ add: ["x".repeat(31)] }), 400);
    expect(long.error.message).toContain("30 caracteres");
    expect((await json<{ error: { message: string } }>(await tags({ add: ["   "] }), 400)).error.message).toContain("vacía");
    await json(await tags({ add: Array.from({ length: 20 }, (_, i) => `t${i}`) }), 200);
    expect((await json<{ error: { message: string } }>(await tags({ add: ["t20"] }), 400)).error.message).toContain("hasta 20");
    expect((await customerRow()).tags).toHaveLength(20);
  });

  it("filters the list by tag, whatever case the filter is typed in", async () => {
    await tags({ add: ["Consorcio"] });
    const list = await json<{ items: { id: string; tags: string[] }[] }>(await call(listCustomersEndpoint, { query: { tag: "CONSORCIO" }, headers }), 200);
    expect(list.items.map((c) => c.id)).toEqual([C]);
    const other = await json<{ items: { id: string }[] }>(await call(listCustomersEndpoint, { query: { tag: "mayorista" }, headers }), 200);
    expect(other.items.map((c) => c.id)).toEqual(["ct-other"]);
  });
});

describe("address book", () => {
  const add = (body: unknown) => call(addCustomerAddressEndpoint, { params: { id: C }, body, headers });

  it("makes the first address the default and mirrors it into the customer; adding the same one twice is one row", async () => {
    const home = await json<{ id: string; isDefault: boolean }>(await add({ label: "Casa", street: "Av. Corrientes 1234", floorApartment: "3° B", locality: "CABA" }), 201);
    expect(home.isDefault).toBe(true);
    expect(await customerRow()).toMatchObject({ address: "Av. Corrientes 1234, 3° B", city: "CABA" });
    const twice = await json<{ id: string }>(await add({ label: "Casa", street: "Av. Corrientes 1234", floorApartment: "3° B", locality: "CABA" }), 201);
    expect(twice.id).toBe(home.id);
    const office = await json<{ id: string; isDefault: boolean }>(await add({ label: "Oficina", street: "Lavalle 500", locality: "Vicente López" }), 201);
    expect(office.isDefault).toBe(false);
    expect((await addresses()).map((a) => [a.street, a.isDefault])).toEqual([["Av. Corrientes 1234", true], ["Lavalle 500", false]]);
    expect(await admin().auditLog.count({ where: { action: "customer.address_added" } })).toBe(2);
  });

  it("edits, makes another default (the customer follows) and removes (the default passes on; none left clears it)", async () => {
    const home = await json<{ id: string }>(await add({ street: "Av. Corrientes 1234", locality: "CABA" }), 201);
    const office = await json<{ id: string }>(await add({ street: "Lavalle 500", locality: "Olivos" }), 201);
    const edit = (id: string, body: unknown) => call(updateCustomerAddressEndpoint, { params: { id: C, addressId: id }, body, headers });
    await json(await edit(office.id, { isDefault: true }), 200);
    expect(await customerRow()).toMatchObject({ address: "Lavalle 500", city: "Olivos" });
    expect((await addresses()).filter((a) => a.isDefault).map((a) => a.id)).toEqual([office.id]);
    await json(await edit(office.id, { street: "Lavalle 550", floorApartment: "PB" }), 200);
    expect(await customerRow()).toMatchObject({ address: "Lavalle 550, PB" });
    expect((await json<{ error: { code: string } }>(await edit(office.id, { street: "" }), 400)).error.code).toBe("VALIDATION_FAILED");

    const remove = (id: string) => call(removeCustomerAddressEndpoint, { params: { id: C, addressId: id }, headers });
    await json(await remove(office.id), 200);
    expect(await json(await remove(office.id), 200)).toEqual({ removed: true });
    expect(await customerRow()).toMatchObject({ address: "Av. Corrientes 1234", city: "CABA" });
    expect((await addresses()).map((a) => [a.id, a.isDefault])).toEqual([[home.id, true]]);
    await json(await remove(home.id), 200);
    expect(await customerRow()).toMatchObject({ address: null, city: null });
  });

  it("does not reach another customer's address through this customer's URL", async () => {
    const theirs = await admin().customerAddress.create({ data: { organizationId: ORG, customerId: "ct-other", street: "Florida 1" } });
    const response = await call(updateCustomerAddressEndpoint, { params: { id: C, addressId: theirs.id }, body: { street: "Hackeada 1" }, headers });
    expect((await json<{ error: { message: string } }>(response, 404)).error.message).toBe("No encontramos esa dirección.");
    expect((await admin().customerAddress.findUniqueOrThrow({ where: { id: theirs.id } })).street).toBe("Florida 1");
  });
});

describe("merge over HTTP", () => {
  it("answers 200 with what moved, the same request again answers alreadyMerged, and refusals are 4xx in Spanish", async () => {
    await admin().customer.create({ data: { id: "ct-dup", organizationId: ORG, name: "martina gomez", tags: ["vip"] } });
    const merge = (id: string, duplicateId: string) => call(mergeCustomerEndpoint, { params: { id }, body: { duplicateId }, headers });
    const first = await json<{ alreadyMerged: boolean; survivor: { tags: string[] } }>(await merge(C, "ct-dup"), 200);
    expect(first).toMatchObject({ alreadyMerged: false, survivor: { tags: ["vip"] } });
    expect(await json(await merge(C, "ct-dup"), 200)).toMatchObject({ alreadyMerged: true, moved: null });
    expect((await json<{ error: { message: string } }>(await merge(C, C), 400)).error.message).toContain("consigo mismo");
    expect((await json<{ error: { message: string } }>(await merge("ct-dup", "ct-other"), 409)).error.message).toContain("ya se unió");
    expect((await json<{ error: { message: string } }>(await merge(C, "nadie"), 404)).error.message).toBe("No encontramos ese cliente.");
    // The merged row is not listed; its page (by id) still answers, pointing at the survivor.
    const list = await json<{ items: { id: string }[] }>(await call(listCustomersEndpoint, { headers }), 200);
    expect(list.items.map((c) => c.id)).toEqual(["ct-other", C]);
    expect(await json(await call(getCustomerEndpoint, { params: { id: "ct-dup" }, headers }), 200)).toMatchObject({ mergedIntoId: C });
    expect((await verifyAuditChain({ organizationId: ORG })).ok).toBe(true);
  });
});
