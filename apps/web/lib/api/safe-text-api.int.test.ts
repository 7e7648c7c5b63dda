import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "@campotech/database/testing";
import { adminDb } from "@campotech/core/lib/db";
import { env } from "@campotech/core/lib/env";
import { issueAccessToken } from "@campotech/core/modules/auth";
import { call, json } from "./api-test-kit";
import { updateCustomerEndpoint } from "./endpoints/customers";
import { createQuickReplyEndpoint } from "./endpoints/quick-replies";

// Issue 22 (poison): text Postgres cannot store (NUL, lone surrogates) is sanitised where it enters the REST API,
// instead of failing the request with a 500.
const ORG = "st-org";
const headers = { authorization: `Bearer ${issueAccessToken({ id: "st-owner", organizationId: ORG, role: "OWNER" }).token}` };

beforeEach(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  await adminDb().organization.create({ data: { id: ORG, name: "Org ST", cuit: "30712345671", tier: "PROFESIONAL" } });
  await adminDb().user.create({ data: { id: "st-owner", organizationId: ORG, phone: "+5491140000001", name: "Dueña", role: "OWNER" } });
  await adminDb().customer.create({ data: { id: "st-c", organizationId: ORG, phone: "+5491155550101", name: "Martina" } });
});
afterAll(() => resetDatabase(env.DATABASE_ADMIN_URL));

describe("safeText in REST bodies", () => {
  it("stores a customer's name and notes without NUL and with U+FFFD for a lone surrogate", async () => {
    await json(await call(updateCustomerEndpoint, { params: { id: "st-c" }, body: { name: " Marti\u0000na \ud83d ", notes: "timbre\u0000 2B" }, headers }), 200);
    expect(await adminDb().customer.findUniqueOrThrow({ where: { id: "st-c" } })).toMatchObject({ name: "Martina \ufffd", notes: "timbre 2B" });
  });

  it("refuses a name that is only NUL like an empty one (400 in Spanish), and stores a quick reply's text clean", async () => {
    const empty = await json<{ error: { fields: Record<string, string> } }>(await call(updateCustomerEndpoint, { params: { id: "st-c" }, body: { name: "\u0000" }, headers }), 400);
    expect(Object.values(empty.error.fields).join(" ")).toContain("no puede quedar vacío");
    await json(await call(createQuickReplyEndpoint, { body: { shortcut: "horarios", title: "Hora\u0000rios", body: "Lunes\u0000 a viernes \udc00" }, headers }), 201);
    expect(await adminDb().quickReply.findFirstOrThrow({ where: { organizationId: ORG } })).toMatchObject({ title: "Horarios", body: "Lunes a viernes \ufffd" });
  });
});
