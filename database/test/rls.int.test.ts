import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminDb, db, withTenant } from "../../src/lib/db";
import { env } from "../../src/lib/env";
import { adminQuery, resetDatabase } from "../testing/reset";

// Tenant isolation is enforced by Postgres, not by our query code: these tests go through Prisma and through
// raw SQL on the application role's connection and expect the database itself to refuse.
const A = "org-a";
const B = "org-b";

async function seedTwoOrganizations() {
  const admin = adminDb();
  for (const [id, cuit, n] of [[A, "30712345671", 1], [B, "20267565393", 2]] as const) {
    await admin.organization.create({ data: { id, name: `Org ${id}`, cuit, tier: "PROFESIONAL" } });
    await admin.user.create({ data: { id: `${id}-owner`, organizationId: id, phone: `+54911400000${n}0`, name: "Owner", role: "OWNER" } });
    await admin.customer.create({ data: { id: `${id}-cust`, organizationId: id, phone: `+54911555000${n}0`, name: `Cliente ${id}` } });
    await admin.priceListItem.create({ data: { organizationId: id, code: "VISITA", name: "Visita", serviceType: "GENERAL", priceCents: 100 } });
    await admin.whatsAppBusinessAccount.create({
      data: { id: `${id}-wa`, organizationId: id, bspProvider: "META_DIRECT", phoneNumberId: `pn-${id}`, displayPhoneNumber: `54115263000${n}`, credentialsEncrypted: "v1.x.y.z.w", credentialsKeyId: "x" },
    });
    await admin.whatsAppConversation.create({ data: { id: `${id}-conv`, organizationId: id, customerId: `${id}-cust` } });
    await admin.whatsAppMessage.create({
      data: { id: `${id}-msg`, organizationId: id, conversationId: `${id}-conv`, waMessageId: `wamid.${id}`, direction: "INBOUND", type: "TEXT", content: { text: { body: "hola" } }, status: "RECEIVED" },
    });
    await admin.outboundDelivery.create({ data: { organizationId: id, messageId: `${id}-msg`, accountId: `${id}-wa`, recipient: `54911555000${n}0` } });
    const at = new Date("2026-11-20T12:00:00Z");
    await admin.whatsAppStatusEvent.create({ data: { organizationId: id, messageId: `${id}-msg`, status: "SENT", providerStatus: "sent", providerTimestamp: at } });
    await admin.whatsAppParkedStatus.create({ data: { organizationId: id, waMessageId: `wamid.out-${id}`, status: "SENT", providerStatus: "sent", providerTimestamp: at } });
    await admin.whatsAppReaction.create({
      data: { organizationId: id, customerId: `${id}-cust`, targetWaMessageId: `wamid.${id}`, messageId: `${id}-msg`, emoji: "👍", reactionWaMessageId: `wamid.r-${id}`, providerTimestamp: at },
    });
    await admin.conversationTurn.create({
      data: { organizationId: id, conversationId: `${id}-conv`, triggerMessageId: `${id}-msg`, messageCount: 1, firstMessageAt: at, lastMessageAt: at },
    });
    await admin.waTemplate.create({ data: { organizationId: id, name: "welcome", category: "UTILITY", components: [] } });
    await admin.panicMode.create({ data: { organizationId: id, integration: `whatsapp:${id}-wa`, reason: "test" } });
    await admin.auditLog.create({ data: { organizationId: id, actorType: "SYSTEM", action: "test", entityType: "Organization" } });
    await admin.refreshToken.create({
      data: { organizationId: id, userId: `${id}-owner`, familyId: `${id}-family`, tokenHash: `hash-${id}`, expiresAt: new Date(Date.now() + 3600_000) },
    });
    await admin.job.create({
      data: { id: `${id}-job`, organizationId: id, number: 1, customerId: `${id}-cust`, address: "Calle 1", serviceType: "PLUMBING", description: "Pérdida" },
    });
    await admin.jobLineItem.create({ data: { organizationId: id, jobId: `${id}-job`, description: "Visita", quantityMilli: 1000, unitPriceCents: 100, ivaRateBps: 2100, position: 0 } });
    await admin.jobTransition.create({ data: { organizationId: id, jobId: `${id}-job`, to: "pending", actorType: "SYSTEM" } });
    await admin.jobAttachment.create({ data: { organizationId: id, jobId: `${id}-job`, kind: "PHOTO", storageKey: `k-${id}`, mimeType: "image/png", size: 1 } });
    await admin.technicianSchedule.create({ data: { organizationId: id, userId: `${id}-owner` } });
    await admin.technicianTimeOff.create({ data: { organizationId: id, userId: `${id}-owner`, start: at, end: new Date(at.getTime() + 3600_000) } });
    await admin.lead.create({ data: { organizationId: id, customerId: `${id}-cust`, conversationId: `${id}-conv`, summary: "Presupuesto de destapación" } });
    await admin.assistantRun.create({ data: { organizationId: id, conversationId: `${id}-conv`, turnId: `${id}-turn`, engine: "OFFLINE", intent: "greeting", outcome: "replied", latencyMs: 3 } });
    await admin.arcaConnection.create({ data: { organizationId: id, cuit, businessName: `Org ${id}` } });
    await admin.arcaTicket.create({
      data: { organizationId: id, environment: "HOMOLOGACION", service: "wsfe", certificateFingerprint: "f", tokenEncrypted: "t", signEncrypted: "s", generationTime: at, expirationTime: at },
    });
    await admin.invoice.create({
      data: {
        id: `${id}-inv`, organizationId: id, customerId: `${id}-cust`, letter: "B", voucherType: 6, environment: "HOMOLOGACION", pointOfSale: 2,
        issueDate: "2026-11-20", serviceFrom: "2026-11-20", serviceTo: "2026-11-20", paymentDueDate: "2026-11-30", receiverName: "Cliente",
        receiverDocType: 99, receiverDocNumber: "0", receiverIvaConditionId: 5, netCents: 100, ivaCents: 21, totalCents: 121,
        lines: { create: { organizationId: id, position: 0, description: "Visita", quantityMilli: 1000, unitPriceCents: 100, ivaRateBps: 2100, netCents: 100 } },
      },
    });
    await admin.mercadoPagoConnection.create({ data: { organizationId: id, mpUserId: `12345${n}`, accessTokenEncrypted: "a", refreshTokenEncrypted: "r", expiresAt: at } });
    await admin.paymentLink.create({ data: { id: `${id}-link`, organizationId: id, customerId: `${id}-cust`, invoiceId: `${id}-inv`, amountCents: 121, expiresAt: at } });
    await admin.payment.create({
      data: { id: `${id}-pay`, organizationId: id, customerId: `${id}-cust`, invoiceId: `${id}-inv`, linkId: `${id}-link`, method: "MERCADOPAGO", status: "APPROVED", amountCents: 121, mpPaymentId: `9${n}` },
    });
    await admin.paymentRefund.create({ data: { organizationId: id, paymentId: `${id}-pay`, amountCents: 21, requestKey: `refund-${id}` } });
    await admin.technicianPosition.create({ data: { organizationId: id, technicianId: `${id}-owner`, jobId: `${id}-job`, latitude: -34.6, longitude: -58.4, recordedAt: at } });
    await admin.jobTimeEntry.create({ data: { organizationId: id, jobId: `${id}-job`, entryId: `entry-${id}`, minutes: 30 } });
    // The change log's one row here is the price list's (written by its trigger); unassigned jobs log nothing.
    await admin.syncMutation.create({ data: { organizationId: id, mutationId: `m-${id}`, userId: `${id}-owner`, type: "transition", payloadHash: "h", status: "applied", result: {} } });
    await admin.syncUpload.create({ data: { organizationId: id, sha256: "0".repeat(64), mimeType: "image/png", size: 1, storageKey: `u-${id}`, uploadedById: `${id}-owner` } });
    await admin.customerAddress.create({ data: { organizationId: id, customerId: `${id}-cust`, street: "Calle 1" } });
    await admin.quickReply.create({ data: { organizationId: id, shortcut: "horarios", title: "Horarios", body: "Lunes a viernes" } });
    await admin.teamInvitation.create({ data: { organizationId: id, phone: "+5491155550999", name: "Invitada", role: "TECHNICIAN", codeHash: "x", expiresAt: new Date() } });
    await admin.planChangeRequest.create({ data: { organizationId: id, fromTier: "FREE", toTier: "PROFESIONAL" } });
    await admin.numberProvisioning.create({ data: { organizationId: id } });
    // issue 22 (poison)
    await admin.inboundDeadLetter.create({
      data: { organizationId: id, provider: "META_DIRECT", accountId: `${id}-wa`, kind: "message", itemKey: `wamid.dl-${id}`, deliveryId: `d-${id}`, receivedAt: at, item: {}, error: "x" },
    });
    await admin.alert.create({ data: { organizationId: id, scope: "ORGANIZATION", kind: "usage", dedupeKey: `usage:${id}:ai`, title: "Uso", detail: "80 %", value: 80, threshold: 80, firstFiredAt: at, lastSeenAt: at } }); // issue 20 (alerts)
    await admin.deferredNotification.create({ data: { organizationId: id, key: `deferred-${id}`, kind: "customer", payload: {}, sendAt: at } }); // issue 22 (ops)
  }
}

beforeAll(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  await seedTwoOrganizations();
});

afterAll(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
});

// issue 20 (alerts): platform alerts have no organization; no tenant (and no tenant-less session) sees them.
describe("platform alerts", () => {
  it("are visible only through the owner connection", async () => {
    const at = new Date("2026-11-20T12:00:00Z");
    await adminDb().alert.create({ data: { id: "platform-alert", scope: "PLATFORM", kind: "queue_backlog", dedupeKey: "q", title: "Cola", detail: "x", value: 1, threshold: 1, firstFiredAt: at, lastSeenAt: at } });
    try {
      expect(await withTenant(A, (tx) => tx.alert.findUnique({ where: { id: "platform-alert" } }))).toBeNull();
      expect(await db.alert.findUnique({ where: { id: "platform-alert" } })).toBeNull();
      await expect(db.alert.create({ data: { scope: "PLATFORM", kind: "x", dedupeKey: "x", title: "x", detail: "x", value: 1, threshold: 1, firstFiredAt: at, lastSeenAt: at } })).rejects.toThrow();
    } finally {
      await adminDb().alert.delete({ where: { id: "platform-alert" } });
    }
  });
});

const TENANT_MODELS = [
  "organization", "user", "customer", "whatsAppBusinessAccount", "whatsAppConversation", "whatsAppMessage",
  "waTemplate", "panicMode", "auditLog", "priceListItem", "whatsAppStatusEvent", "whatsAppParkedStatus", "whatsAppReaction",
  "conversationTurn", "outboundDelivery", "refreshToken", "job", "jobLineItem", "jobTransition", "jobAttachment",
  "technicianSchedule", "technicianTimeOff", "lead", "assistantRun",
  "arcaConnection", "arcaTicket", "invoice", "invoiceLine",
  "mercadoPagoConnection", "paymentLink", "payment", "paymentRefund",
  "technicianPosition",
  "jobTimeEntry", "syncChange", "syncMutation", "syncUpload",
  "customerAddress", "quickReply",
  "teamInvitation", "planChangeRequest", "numberProvisioning",
  "inboundDeadLetter", // issue 22 (poison)
  "alert", // issue 20 (alerts)
  "deferredNotification", // issue 22 (ops)
] as const;

describe("the application role", () => {
  it("is not a superuser, cannot bypass RLS and owns no table", async () => {
    const role = decodeURIComponent(new URL(env.DATABASE_URL).username);
    const [row] = await adminQuery<{ rolsuper: boolean; rolbypassrls: boolean }>(
      env.DATABASE_ADMIN_URL, "SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = $1", [role]);
    expect(row).toEqual({ rolsuper: false, rolbypassrls: false });
    const owned = await adminQuery(env.DATABASE_ADMIN_URL, "SELECT tablename FROM pg_tables WHERE schemaname='public' AND tableowner = $1", [role]);
    expect(owned).toEqual([]);
  });

  it("every table with an organizationId column has RLS enabled and a policy", async () => {
    const rows = await adminQuery<{ table: string; rls: boolean; policies: number }>(
      env.DATABASE_ADMIN_URL,
      `SELECT c.relname AS table, c.relrowsecurity AS rls,
              (SELECT count(*)::int FROM pg_policies p WHERE p.tablename = c.relname) AS policies
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r'
          AND (EXISTS (SELECT 1 FROM information_schema.columns col
                        WHERE col.table_name = c.relname AND col.column_name = 'organizationId')
               OR c.relname = 'Organization')`,
    );
    expect(rows.length).toBe(TENANT_MODELS.length);
    for (const row of rows) expect(row, row.table).toMatchObject({ rls: true, policies: 1 });
  });
});

describe("with no organization set", () => {
  it.each(TENANT_MODELS)("Prisma sees no %s rows", async (model) => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    expect(await (db[model] as any).count()).toBe(0);
  });

  it("raw SQL sees nothing and cannot write", async () => {
    expect(await db.$queryRawUnsafe(`SELECT * FROM "Customer"`)).toEqual([]);
    expect(await db.$executeRawUnsafe(`UPDATE "Customer" SET name = 'hacked'`)).toBe(0);
    expect(await db.$executeRawUnsafe(`DELETE FROM "WhatsAppMessage"`)).toBe(0);
    await expect(
      db.$executeRawUnsafe(`INSERT INTO "Customer" (id, "organizationId", name, "updatedAt") VALUES ('x', '${A}', 'x', now())`),
    ).rejects.toThrow(/row-level security/);
  });
});

describe("organization A", () => {
  it.each(TENANT_MODELS)("reads only its own %s rows through Prisma", async (model) => {
    const rows = await withTenant(A, (tx) => (tx[model] as never as { findMany(): Promise<{ id: string; organizationId?: string }[]> }).findMany());
    expect(rows.length).toBe(1);
    expect(rows[0]!.organizationId ?? rows[0]!.id).toBe(A);
  });

  it("cannot read B's row by id, even when it asks for it", async () => {
    expect(await withTenant(A, (tx) => tx.customer.findUnique({ where: { id: `${B}-cust` } }))).toBeNull();
    expect(await withTenant(A, (tx) => tx.organization.findUnique({ where: { id: B } }))).toBeNull();
  });

  it("cannot change or delete B's rows through Prisma", async () => {
    const updated = await withTenant(A, (tx) => tx.customer.updateMany({ where: { id: `${B}-cust` }, data: { name: "hacked" } }));
    expect(updated.count).toBe(0);
    const deleted = await withTenant(A, (tx) => tx.whatsAppMessage.deleteMany({ where: { organizationId: B } }));
    expect(deleted.count).toBe(0);
    await expect(withTenant(A, (tx) => tx.customer.update({ where: { id: `${B}-cust` }, data: { name: "hacked" } }))).rejects.toThrow();
    const still = await adminDb().customer.findUnique({ where: { id: `${B}-cust` } });
    expect(still?.name).toBe(`Cliente ${B}`);
  });

  it("cannot create rows for B or move its rows to B", async () => {
    await expect(
      withTenant(A, (tx) => tx.customer.create({ data: { organizationId: B, phone: "+5491199999999", name: "intruso" } })),
    ).rejects.toThrow();
    await expect(
      withTenant(A, (tx) => tx.customer.update({ where: { id: `${A}-cust` }, data: { organizationId: B } })),
    ).rejects.toThrow();
  });

  it("raw SQL inside its transaction sees and changes only A", async () => {
    const rows = await withTenant(A, (tx) => tx.$queryRawUnsafe<{ id: string }[]>(`SELECT id FROM "Customer" ORDER BY id`));
    expect(rows.map((r) => r.id)).toEqual([`${A}-cust`]);
    const changed = await withTenant(A, (tx) => tx.$executeRawUnsafe(`UPDATE "Customer" SET notes = 'seen by A'`));
    expect(changed).toBe(1);
    const b = await adminDb().customer.findUnique({ where: { id: `${B}-cust` } });
    expect(b?.notes).toBeNull();
  });

  it("the setting does not leak to the next transaction on a pooled connection", async () => {
    await withTenant(A, (tx) => tx.customer.count());
    expect(await db.customer.count()).toBe(0);
    const setting = await db.$queryRaw<{ v: string | null }[]>`SELECT current_setting('app.current_organization_id', true) AS v`;
    expect(setting[0]!.v ?? "").toBe("");
  });
});

describe("a plain SQL session as the application role", () => {
  it("sees only the organization it sets, and nothing without one", async () => {
    const client = new pg.Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    try {
      expect((await client.query(`SELECT * FROM "User"`)).rowCount).toBe(0);
      await client.query("BEGIN");
      await client.query("SELECT set_config('app.current_organization_id', $1, true)", [B]);
      const { rows } = await client.query<{ organizationId: string }>(`SELECT "organizationId" FROM "User"`);
      expect(rows).toEqual([{ organizationId: B }]);
      await client.query("COMMIT");
      await expect(client.query(`ALTER TABLE "User" DISABLE ROW LEVEL SECURITY`)).rejects.toThrow(/must be owner/);
    } finally {
      await client.end();
    }
  });
});
