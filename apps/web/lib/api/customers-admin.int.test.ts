import { Redis } from "ioredis";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "@campotech/database/testing";
import { encryptJson } from "@campotech/core/lib/crypto";
import { adminDb } from "@campotech/core/lib/db";
import { env } from "@campotech/core/lib/env";
import { sharedRedis, whenRedisReady } from "@campotech/core/lib/redis";
import { issueAccessToken } from "@campotech/core/modules/auth";
import { verifyAuditChain } from "@campotech/core/modules/audit";
import { call } from "./api-test-kit";
import { listDeadLettersEndpoint, listPanicModesEndpoint, replayAllDeadLettersEndpoint, replayDeadLetterEndpoint, resolvePanicEndpoint } from "./endpoints/admin";
import { getCustomerEndpoint, listCustomersEndpoint, updateCustomerEndpoint } from "./endpoints/customers";

// Behaviour of the customers and admin endpoints; who may call them is the matrix's job (endpoint-matrix.int.test.ts).
const ORG = "ca-org";
const redis = new Redis(env.REDIS_URL);
const headers = { authorization: `Bearer ${issueAccessToken({ id: "ca-owner", organizationId: ORG, role: "OWNER" }).token}` };
const actions = async () => (await adminDb().auditLog.findMany({ where: { organizationId: ORG }, orderBy: { seq: "asc" } })).map((r) => r.action);

beforeEach(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  await redis.flushdb();
  await whenRedisReady(sharedRedis());
  const admin = adminDb();
  await admin.organization.create({ data: { id: ORG, name: "Org CA", cuit: "30712345671", tier: "PROFESIONAL" } });
  await admin.user.create({ data: { id: "ca-owner", organizationId: ORG, phone: "+5491140000001", name: "Dueña", role: "OWNER" } });
  const people = ["Zulema Paz", "Ana Gómez", "Bruno Díaz", "Carla Gómez", "Diego Ruiz"];
  for (const [i, name] of people.entries()) {
    await admin.customer.create({ data: { id: `ca-c${i}`, organizationId: ORG, phone: `+54911555500${i}0`, name } });
  }
  // The owner's login-code recipient: a Customer row that must never show up as a customer.
  await admin.customer.create({ data: { id: "ca-staff", organizationId: ORG, waId: "5491140000001", name: "Equipo · Gómez", staffUserId: "ca-owner" } });
  await admin.whatsAppBusinessAccount.create({
    data: {
      id: "ca-wa", organizationId: ORG, bspProvider: "META_DIRECT", phoneNumberId: "100000000000001", wabaId: "200000000000001", displayPhoneNumber: "541152630000",
      credentialsEncrypted: encryptJson({ accessToken: "sandbox-meta-access-token-demo" }), credentialsKeyId: "local-2026", provisioningStatus: "ACTIVE",
    },
  });
  await admin.whatsAppConversation.create({ data: { id: "ca-conv", organizationId: ORG, customerId: "ca-c0", accountId: "ca-wa" } });
});
afterAll(async () => {
  await redis.quit();
});

async function deadLetter(id: string) {
  await adminDb().whatsAppMessage.create({
    data: { id, organizationId: ORG, conversationId: "ca-conv", accountId: "ca-wa", direction: "OUTBOUND", type: "TEXT", content: { text: { body: "Hola" } }, status: "FAILED" },
  });
  await adminDb().outboundDelivery.create({
    data: { organizationId: ORG, messageId: id, accountId: "ca-wa", recipient: "5491155550000", attempts: 3, deadLetteredAt: new Date(), deadLetterReason: "retries exhausted" },
  });
}

describe("customers", () => {
  it("searches by name or phone, pages with a cursor and never lists staff recipients", async () => {
    const names = async (query: Record<string, string>) => {
      const body = (await (await call(listCustomersEndpoint, { query, headers })).json()) as { items: { name: string }[]; nextCursor: string | null };
      return { names: body.items.map((c) => c.name), nextCursor: body.nextCursor };
    };
    expect((await names({})).names).toEqual(["Ana Gómez", "Bruno Díaz", "Carla Gómez", "Diego Ruiz", "Zulema Paz"]);
    expect((await names({ search: "gómez" })).names).toEqual(["Ana Gómez", "Carla Gómez"]);
    expect((await names({ search: "11 5555-0020" })).names).toEqual(["Bruno Díaz"]);
    expect((await names({ search: "+54 9 11 5555 0030" })).names).toEqual(["Carla Gómez"]);
    // The staff row's number and name are searchable nowhere.
    expect((await names({ search: "4000-0001" })).names).toEqual([]);
    expect((await names({ search: "Equipo" })).names).toEqual([]);

    const first = await names({ limit: "2" });
    expect(first.names).toEqual(["Ana Gómez", "Bruno Díaz"]);
    const second = await names({ limit: "2", cursor: first.nextCursor! });
    expect(second.names).toEqual(["Carla Gómez", "Diego Ruiz"]);
    const third = await names({ limit: "2", cursor: second.nextCursor! });
    expect(third).toEqual({ names: ["Zulema Paz"], nextCursor: null });

    expect((await call(getCustomerEndpoint, { params: { id: "ca-staff" }, headers })).status).toBe(404);
    expect((await call(updateCustomerEndpoint, { params: { id: "ca-staff" }, body: { name: "x" }, headers })).status).toBe(404);
  });

  it("updates name, address, city and notes, audits which fields changed, and validates in Spanish", async () => {
    const response = await call(updateCustomerEndpoint, { params: { id: "ca-c1" }, body: { address: "Mitre 1234", city: "Avellaneda", notes: "Timbre 2B" }, headers });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: "ca-c1", name: "Ana Gómez", address: "Mitre 1234", city: "Avellaneda", notes: "Timbre 2B" });
    // An empty string clears; sending the same values again changes nothing and writes no audit row.
    expect(await (await call(updateCustomerEndpoint, { params: { id: "ca-c1" }, body: { notes: "" }, headers })).json()).toMatchObject({ notes: null });
    await call(updateCustomerEndpoint, { params: { id: "ca-c1" }, body: { address: "Mitre 1234" }, headers });

    const rows = await adminDb().auditLog.findMany({ where: { organizationId: ORG }, orderBy: { seq: "asc" } });
    expect(rows.map((r) => [r.action, r.actorType, r.actorId, r.entityId, r.metadata])).toEqual([
      ["customer.updated", "USER", "ca-owner", "ca-c1", { fields: ["address", "city", "notes"] }],
      ["customer.updated", "USER", "ca-owner", "ca-c1", { fields: ["notes"] }],
    ]);

    const empty = await call(updateCustomerEndpoint, { params: { id: "ca-c1" }, body: { name: "  " }, headers });
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ error: { code: "VALIDATION_FAILED", fields: { name: "El nombre no puede quedar vacío." } } });
    expect((await call(updateCustomerEndpoint, { params: { id: "ca-c1" }, body: { phone: "+5491100000000" }, headers })).status).toBe(400);
    expect((await verifyAuditChain({ organizationId: ORG })).ok).toBe(true);
  });
});

describe("dead letters and panic mode", () => {
  it("lists, replays one (once) and replays all, auditing each replay", async () => {
    await deadLetter("ca-m1");
    await deadLetter("ca-m2");
    await deadLetter("ca-m3");
    const listed = (await (await call(listDeadLettersEndpoint, { query: { limit: "2" }, headers })).json()) as { items: { messageId: string }[]; nextCursor: string | null };
    expect(listed.items).toHaveLength(2);
    expect(listed.nextCursor).toBeTruthy();
    const rest = (await (await call(listDeadLettersEndpoint, { query: { limit: "2", cursor: listed.nextCursor! }, headers })).json()) as { items: { messageId: string }[]; nextCursor: string | null };
    expect([...listed.items, ...rest.items].map((d) => d.messageId).sort()).toEqual(["ca-m1", "ca-m2", "ca-m3"]);
    expect(rest.nextCursor).toBeNull();

    const one = await call(replayDeadLetterEndpoint, { params: { messageId: "ca-m1" }, headers });
    expect(one.status).toBe(202);
    expect(await one.json()).toEqual({ replayed: ["ca-m1"] });
    const again = await call(replayDeadLetterEndpoint, { params: { messageId: "ca-m1" }, headers });
    expect(again.status).toBe(404);

    const all = await call(replayAllDeadLettersEndpoint, { headers });
    expect(((await all.json()) as { replayed: string[] }).replayed.sort()).toEqual(["ca-m2", "ca-m3"]);
    expect(await adminDb().outboundDelivery.count({ where: { organizationId: ORG, deadLetteredAt: { not: null } } })).toBe(0);
    expect(await actions()).toEqual(["dead_letter.replayed", "dead_letter.replayed_all"]);
  });

  it("lists active panics and resolves one with a single audit row", async () => {
    await adminDb().panicMode.create({ data: { id: "ca-p1", organizationId: ORG, integration: "whatsapp:ca-wa", reason: "error 131031" } });
    const listed = (await (await call(listPanicModesEndpoint, { headers })).json()) as { items: { id: string; status: string }[] };
    expect(listed.items).toMatchObject([{ id: "ca-p1", status: "ACTIVE" }]);

    const resolved = await call(resolvePanicEndpoint, { params: { id: "ca-p1" }, body: { resolution: "cuenta verificada" }, headers });
    expect(resolved.status).toBe(200);
    expect(await resolved.json()).toEqual({ panicId: "ca-p1", released: 0 });
    expect((await call(resolvePanicEndpoint, { params: { id: "ca-p1" }, headers })).status).toBe(404);
    expect(((await (await call(listPanicModesEndpoint, { headers })).json()) as { items: unknown[] }).items).toEqual([]);
    expect(((await (await call(listPanicModesEndpoint, { query: { includeResolved: "true" }, headers })).json()) as { items: unknown[] }).items).toMatchObject([
      { id: "ca-p1", status: "RESOLVED", resolvedBy: "ca-owner", resolution: "cuenta verificada" },
    ]);
    expect(await actions()).toEqual(["panic.resolved"]);
  });
});
