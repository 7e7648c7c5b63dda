import { Redis } from "ioredis";
import { beforeAll, afterAll, describe, expect, it } from "vitest";
import type { UserRole } from "@campotech/database";
import { resetDatabase } from "@campotech/database/testing";
import { encryptJson } from "@campotech/core/lib/crypto";
import { adminDb, withTenant } from "@campotech/core/lib/db";
import { installArcaCertificate } from "@campotech/core/modules/invoicing";
import { connectSandboxSeller } from "@campotech/core/modules/payments";
import { env } from "@campotech/core/lib/env";
import { sharedRedis, whenRedisReady } from "@campotech/core/lib/redis";
import { can, issueAccessToken } from "@campotech/core/modules/auth";
import { verifyAuditChain } from "@campotech/core/modules/audit";
import { call } from "./api-test-kit";
import type { Endpoint } from "./define-endpoint";
import { ALL_ENDPOINTS } from "./endpoints";
import { B_MARKERS, ROLES, SELLERS, deadLetter, invoiceRow, orgId, panic, sandboxCertificate, userId, type Org } from "./endpoint-matrix/builders";
import { FIXTURES } from "./endpoint-matrix/fixtures";

// Every authenticated endpoint × the five roles × own and other organization. Expectations come from the one
// permission table (can()), so the matrix and the product can't disagree about who may do what.
const keyOf = (endpoint: Endpoint) => `${endpoint.method} ${endpoint.path}`;
const guarded = ALL_ENDPOINTS.filter((e) => e.permission !== null);
const matrix = guarded.filter((e) => !e.stream && FIXTURES[keyOf(e)]);

async function seedOrg(org: Org) {
  const admin = adminDb();
  const id = orgId(org);
  await admin.organization.create({
    data: { id, name: org === "a" ? "Organización Alfa" : "Organización Beta", cuit: org === "a" ? "30712345671" : "20267565393", tier: "PROFESIONAL" },
  });
  for (const [i, role] of ROLES.entries()) {
    await admin.user.create({ data: { id: userId(org, role), organizationId: id, phone: `+549116${org === "a" ? "0" : "9"}00000${i}`, name: `${role} ${org === "a" ? "Alfa" : "Beta"}`, role } });
  }
  await admin.whatsAppBusinessAccount.create({
    data: {
      id: `mx-${org}-wa`, organizationId: id, bspProvider: "META_DIRECT", phoneNumberId: org === "a" ? "100000000000001" : "100000000000009", wabaId: "200000000000001",
      displayPhoneNumber: "541152630000", credentialsEncrypted: encryptJson({ accessToken: "sandbox-meta-access-token-demo" }), credentialsKeyId: "local-2026", provisioningStatus: "ACTIVE",
    },
  });
  const phone = `+549116${org === "a" ? "0" : "9"}123456`;
  await admin.customer.create({ data: { id: `mx-${org}-customer`, organizationId: id, phone, waId: phone.slice(1), name: org === "a" ? "Ana Alfa" : "Bruno Beta" } });
  await admin.whatsAppConversation.create({
    data: {
      id: `mx-${org}-conv`, organizationId: id, customerId: `mx-${org}-customer`, accountId: `mx-${org}-wa`, assignedToId: userId(org, "TECHNICIAN"),
      lastInboundAt: new Date(), lastMessageAt: new Date(), windowExpiresAt: new Date(Date.now() + 20 * 3600_000), unreadCount: 1,
    },
  });
  await admin.whatsAppMessage.create({
    data: { id: `mx-${org}-msg`, organizationId: id, conversationId: `mx-${org}-conv`, accountId: `mx-${org}-wa`, waMessageId: `wamid.mx-${org}-1`, direction: "INBOUND", type: "TEXT", content: { text: { body: `Hola desde ${org === "a" ? "Alfa" : "Beta"}` } }, status: "RECEIVED" },
  });
  await deadLetter(org);
  await panic(org);
  await admin.waTemplate.create({
    data: { id: `mx-${org}-tpl`, organizationId: id, name: "job_scheduled", category: "UTILITY", status: "APPROVED", components: [{ type: "BODY", text: "Hola {{1}}, tu turno es el {{2}}." }] },
  });
  await admin.quickReply.create({ data: { id: `mx-${org}-qr`, organizationId: id, shortcut: "horarios", title: "Horarios", body: "Atendemos de 8 a 18." } });
  await admin.priceListItem.create({ data: { id: `mx-${org}-price`, organizationId: id, code: "VISITA", name: "Visita", serviceType: "GENERAL", priceCents: 1500000 } });
  await admin.arcaConnection.create({
    data: { organizationId: id, environment: "HOMOLOGACION", cuit: org === "a" ? "30712345671" : "20267565393", pointOfSale: 2, businessName: `Razón ${org === "a" ? "Alfa" : "Beta"} S.R.L.`, businessAddress: "Calle Falsa 123" },
  });
  // Issuing needs a certificate: installed up front, so no endpoint depends on the order the matrix runs them in.
  const certificatePem = await sandboxCertificate(org);
  await withTenant(id, (tx) => installArcaCertificate(tx, id, { certificatePem }, { type: "OPERATOR" }));
  await invoiceRow(org, `mx-${org}-inv`, "AUTHORIZED", 1);
  await connectSandboxSeller(id, SELLERS[org]);
  await admin.payment.create({
    data: { id: `mx-${org}-pay`, organizationId: id, customerId: `mx-${org}-customer`, invoiceId: `mx-${org}-inv`, method: "TRANSFER", status: "APPROVED", amountCents: 100_000, paidAt: new Date() },
  });
  await admin.technicianSchedule.create({
    data: { organizationId: id, userId: userId(org, "TECHNICIAN"), workingHours: { 1: [["08:00", "18:00"]], 2: [["08:00", "18:00"]], 3: [["08:00", "18:00"]], 4: [["08:00", "18:00"]], 5: [["08:00", "18:00"]] } },
  });
  await admin.job.create({
    data: {
      id: `mx-${org}-job`, organizationId: id, number: 1, customerId: `mx-${org}-customer`, address: "Av. Siempre Viva 742", serviceType: "PLUMBING",
      description: "Pérdida en la cocina", technicianId: userId(org, "TECHNICIAN"),
    },
  });
  // What the assistant left behind: a lead that became the job, and one answered turn in the conversation.
  await admin.lead.create({
    data: { id: `mx-${org}-lead`, organizationId: id, customerId: `mx-${org}-customer`, conversationId: `mx-${org}-conv`, jobId: `mx-${org}-job`, serviceType: "PLUMBING", summary: "Pérdida en la cocina" },
  });
  await admin.assistantRun.create({
    data: {
      id: `mx-${org}-run`, organizationId: id, conversationId: `mx-${org}-conv`, turnId: `mx-${org}-turn`, engine: "OFFLINE", intent: "price", outcome: "replied",
      reply: "La visita sale $15.000.", toolCalls: [{ name: "get_price", input: {}, ms: 3 }], counted: true, latencyMs: 12,
    },
  });
}

const redis = new Redis(env.REDIS_URL);
beforeAll(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  await redis.flushdb();
  await whenRedisReady(sharedRedis());
  await seedOrg("a");
  await seedOrg("b");
});
afterAll(async () => {
  await redis.quit();
});

const bearer = (role: UserRole) => ({ authorization: `Bearer ${issueAccessToken({ id: userId("a", role), organizationId: orgId("a"), role }).token}` });

function expectNoOrgB(text: string) {
  for (const marker of B_MARKERS) expect(text, `leaks "${marker}"`).not.toContain(marker);
}

describe("endpoint matrix", () => {
  it("has a fixture for every authenticated endpoint", () => {
    const missing = guarded.filter((e) => !e.stream && !FIXTURES[keyOf(e)]).map(keyOf);
    expect(missing, "add these to FIXTURES in endpoint-matrix.int.test.ts").toEqual([]);
  });

  it.each(guarded.filter((e) => e.stream).map((e) => [keyOf(e), e] as const))("%s (stream) answers 401 without a token", async (_, endpoint) => {
    expect((await call(endpoint)).status).toBe(401);
  });

  describe.each(matrix.map((e) => [keyOf(e), e] as const))("%s", (key, endpoint) => {
    const fixture = FIXTURES[key]!;

    it("401 without a token", async () => {
      const response = await call(endpoint, await fixture.request("a"));
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
    });

    it.each(ROLES)("%s", async (role) => {
      const allowed = endpoint.permission === "authenticated" || can(role, endpoint.permission as Parameters<typeof can>[1]);
      const ownRequest = await fixture.request("a", role);
      const own = await call(endpoint, { ...ownRequest, headers: { ...ownRequest.headers, ...bearer(role) } });
      const ownText = await own.text();
      if (!allowed) {
        expect(own.status, ownText).toBe(403);
        expect(JSON.parse(ownText)).toMatchObject({ error: { code: "FORBIDDEN" } });
        return;
      }
      expect(own.status, ownText).toBeGreaterThanOrEqual(200);
      expect(own.status, ownText).toBeLessThan(300);
      expectNoOrgB(ownText);
      if (!fixture.byId) return;
      const otherRequest = await fixture.request("b");
      const other = await call(endpoint, { ...otherRequest, headers: { ...otherRequest.headers, ...bearer(role) } });
      const otherText = await other.text();
      expect(other.status, otherText).toBe(404);
      expectNoOrgB(otherText);
    });
  });

  it("left both organizations' audit chains intact", async () => {
    expect((await verifyAuditChain({ organizationId: orgId("a") })).ok).toBe(true);
    expect((await verifyAuditChain({ organizationId: orgId("b") })).ok).toBe(true);
  });
});
