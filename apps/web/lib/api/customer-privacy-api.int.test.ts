import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "@campotech/database/testing";
import { adminDb } from "@campotech/core/lib/db";
import { env } from "@campotech/core/lib/env";
import { issueAccessToken } from "@campotech/core/modules/auth";
import { call, json } from "./api-test-kit";
import { eraseCustomerDataEndpoint, exportCustomerDataEndpoint } from "./endpoints/customer-privacy";

// Export and erase through the HTTP adapters (who may call them is the matrix's job: OWNER only).
const ORG = "cp-org";
const C = "cp-lucia";
const headers = { authorization: `Bearer ${issueAccessToken({ id: "cp-owner", organizationId: ORG, role: "OWNER" }).token}` };
const admin = () => adminDb();
const erase = (body: unknown) => call(eraseCustomerDataEndpoint, { params: { id: C }, body, headers });

beforeEach(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  await admin().organization.create({ data: { id: ORG, name: "Org CP", cuit: "30712345671", tier: "PROFESIONAL" } });
  await admin().user.create({ data: { id: "cp-owner", organizationId: ORG, phone: "+5491140000001", name: "Dueña", role: "OWNER" } });
  await admin().customer.create({ data: { id: C, organizationId: ORG, phone: "+5491155550101", name: "Lucía Fernández", email: "lucia@example.com" } });
});
afterAll(() => resetDatabase(env.DATABASE_ADMIN_URL));

describe("customer data export", () => {
  it("downloads JSON and a printable HTML page, each audited as the owner", async () => {
    const asJson = await call(exportCustomerDataEndpoint, { params: { id: C }, query: { formato: "json" }, headers });
    expect(asJson.status).toBe(200);
    expect(asJson.headers.get("content-type")).toContain("application/json");
    expect((await asJson.json()).customer).toMatchObject({ name: "Lucía Fernández", email: "lucia@example.com" });
    const asHtml = await call(exportCustomerDataEndpoint, { params: { id: C }, query: { formato: "html" }, headers });
    expect(asHtml.headers.get("content-type")).toContain("text/html");
    expect(await asHtml.text()).toContain("Datos personales de Lucía Fernández");
    expect(await admin().auditLog.count({ where: { action: "customer.data_exported", actorType: "USER", actorId: "cp-owner" } })).toBe(2);
  });
});

describe("customer erasure", () => {
  it("needs the typed confirmation, then anonymises; a second call reports it was already done", async () => {
    expect((await json<{ error: { message: string } }>(await erase({ confirm: "si" }), 400)).error.message).toBeTruthy();
    expect((await admin().customer.findUniqueOrThrow({ where: { id: C } })).name).toBe("Lucía Fernández");
    expect(await json(await erase({ confirm: "ELIMINAR" }), 200)).toMatchObject({ alreadyErased: false, invoicesKept: 0 });
    expect((await admin().customer.findUniqueOrThrow({ where: { id: C } })).name).toBe("Cliente eliminado");
    expect(await json(await erase({ confirm: "ELIMINAR" }), 200)).toMatchObject({ alreadyErased: true, removed: null });
  });

  it("answers 409 with the Spanish reason while the customer has an open job", async () => {
    await admin().job.create({ data: { id: "cp-job", organizationId: ORG, number: 1, customerId: C, address: "Lavalle 500", serviceType: "GAS", description: "Calefón", status: "pending" } });
    const refused = await json<{ error: { message: string } }>(await erase({ confirm: "ELIMINAR" }), 409);
    expect(refused.error.message).toBe("No se pueden eliminar los datos de este cliente todavía: tiene un trabajo abierto (terminalo o cancelalo).");
  });
});
