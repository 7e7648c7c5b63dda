import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetDatabase } from "../../../database/testing/reset";
import { encryptJson } from "../../lib/crypto";
import { adminDb, withTenant } from "../../lib/db";
import { env } from "../../lib/env";
import { sendConversationMessage } from "../conversations/send-conversation-message";
import { DEFAULT_TEMPLATES } from "./default-templates";
import { getComposerTemplates } from "./get-composer-templates";

// The inbox composer's templates against real Postgres (RLS): only customer-facing approved ones, with named fields
// prefilled from the conversation; and the send path refusing an internal template however it is asked for.
const ORG = "org-composer";
const OTHER = "org-composer-b";
const OWNER = { userId: "composer-owner", role: "OWNER" as const };
const TECH = { userId: "composer-tech", role: "TECHNICIAN" as const };
// 13:30 UTC is 10:30 in Buenos Aires; the visit is two days after NOW.
const NOW = new Date("2026-11-22T15:00:00Z");
const VISIT = new Date("2026-11-24T13:30:00Z");
const redis = new Redis(env.REDIS_URL);

beforeAll(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  await redis.flushdb();
  const admin = adminDb();
  for (const [org, cuit, name] of [[ORG, "30712345671", "Gas del Sur"], [OTHER, "20267565393", "Plomería Beta"]] as const) {
    await admin.organization.create({ data: { id: org, name, cuit, tier: "PROFESIONAL" } });
    await admin.whatsAppBusinessAccount.create({
      data: {
        id: `${org}-wa`, organizationId: org, bspProvider: "META_DIRECT", phoneNumberId: org === ORG ? "100000000000001" : "100000000000009", wabaId: "200000000000001",
        displayPhoneNumber: "541152630000", credentialsEncrypted: encryptJson({ accessToken: "sandbox-meta-access-token-demo" }), credentialsKeyId: "local-2026", provisioningStatus: "ACTIVE",
      },
    });
    await admin.waTemplate.createMany({
      data: DEFAULT_TEMPLATES.map((t) => ({ organizationId: org, name: t.name, language: "es_AR", category: t.category, status: "APPROVED" as const, components: [{ type: "BODY", text: t.body }] })),
    });
  }
  await admin.user.createMany({
    data: [
      { id: OWNER.userId, organizationId: ORG, phone: "+5491140009001", name: "Martín Dueño", role: "OWNER" },
      { id: TECH.userId, organizationId: ORG, phone: "+5491140009002", name: "Diego Ruiz", role: "TECHNICIAN" },
    ],
  });
  await admin.waTemplate.createMany({
    data: [
      { organizationId: ORG, name: "aviso_demora", language: "es_AR", category: "UTILITY", status: "APPROVED", components: [{ type: "BODY", text: "Hola {{1}}, llegamos {{2}} tarde.", example: { body_text: [["Ana", "20 minutos"]] } }] },
      { organizationId: ORG, name: "promo_verano", language: "es_AR", category: "MARKETING", status: "PENDING", components: [{ type: "BODY", text: "¡Hola {{1}}! Service de aire con 10 % off." }] },
    ],
  });
  await admin.customer.create({ data: { id: "composer-c1", organizationId: ORG, phone: "+5491155550301", waId: "5491155550301", name: "Martina Gómez" } });
  await admin.whatsAppConversation.create({
    data: { id: "composer-conv", organizationId: ORG, customerId: "composer-c1", accountId: `${ORG}-wa`, lastInboundAt: new Date(), windowExpiresAt: new Date(Date.now() + 20 * 3600_000) },
  });
  // A past visit and a later one: the next one is what the fields are prefilled from.
  for (const [n, start] of [[7, new Date("2026-11-20T13:00:00Z")], [8, VISIT], [9, new Date("2026-12-01T13:00:00Z")]] as const) {
    await admin.job.create({
      data: {
        id: `composer-job-${n}`, organizationId: ORG, number: n, customerId: "composer-c1", address: "Av. Mitre 100", serviceType: "GAS", description: "Revisión",
        status: n === 7 ? "completed" : "scheduled", technicianId: TECH.userId, scheduledStart: start, scheduledEnd: new Date(start.getTime() + 3600_000),
      },
    });
  }
});
afterAll(async () => {
  await redis.quit();
  await resetDatabase(env.DATABASE_ADMIN_URL);
});

describe("composer templates", () => {
  it("offers only approved customer-facing templates: no login code, no staff alert, nothing pending", async () => {
    const { templates } = await withTenant(ORG, (tx) => getComposerTemplates(tx, OWNER, "composer-conv", NOW));
    const names = templates.map((t) => t.name);
    expect(names).not.toContain("otp_code");
    expect(names).not.toContain("staff_alert");
    expect(names).not.toContain("promo_verano");
    expect(names).toEqual(expect.arrayContaining(["job_scheduled", "invoice_ready", "aviso_demora"]));
    expect(names).toHaveLength(DEFAULT_TEMPLATES.length - 2 + 1);
  });

  it("names the fields and prefills them from the customer, the next visit and its technician", async () => {
    const result = await withTenant(ORG, (tx) => getComposerTemplates(tx, OWNER, "composer-conv", NOW));
    expect(result.customerFirstName).toBe("Martina");
    const scheduled = result.templates.find((t) => t.name === "job_scheduled")!;
    expect(scheduled.body).toBe(DEFAULT_TEMPLATES.find((t) => t.name === "job_scheduled")!.body);
    expect(scheduled.fields.map((f) => [f.label, f.value])).toEqual([
      ["Nombre del cliente", "Martina"],
      ["Fecha del turno", "martes 24/11"],
      ["Hora del turno", "10:30"],
      ["Técnico", "Diego Ruiz"],
    ]);
    const business = result.templates.find((t) => t.name === "aviso_demora")!;
    expect(business.fields).toEqual([
      { index: 1, label: "Dato 1", value: "", example: "Ana" },
      { index: 2, label: "Dato 2", value: "", example: "20 minutos" },
    ]);
  });

  it("answers 404 for another organization's conversation and for a technician's unassigned one", async () => {
    await expect(withTenant(OTHER, (tx) => getComposerTemplates(tx, { userId: "x", role: "OWNER" }, "composer-conv", NOW))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(withTenant(ORG, (tx) => getComposerTemplates(tx, TECH, "composer-conv", NOW))).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("sending a template from the inbox", () => {
  it.each(["otp_code", "staff_alert"])("refuses the internal %s with a Spanish reason and stores nothing", async (name) => {
    const before = await adminDb().whatsAppMessage.count({ where: { organizationId: ORG } });
    const attempt = sendConversationMessage(OWNER, {
      organizationId: ORG, conversationId: "composer-conv", idempotencyKey: `internal-${name}`,
      content: { type: "template", name, language: "es_AR", components: [{ type: "body", parameters: [{ type: "text", text: "123456" }] }] },
    });
    await expect(attempt).rejects.toMatchObject({ code: "TEMPLATE_NOT_APPROVED", status: 422, message: expect.stringContaining("uso interno de CampoTech") });
    expect(await adminDb().whatsAppMessage.count({ where: { organizationId: ORG } })).toBe(before);
    expect(await adminDb().auditLog.count({ where: { organizationId: ORG, action: "message.send" } })).toBe(0);
  });

  it("still sends a customer-facing template", async () => {
    const message = await sendConversationMessage(OWNER, {
      organizationId: ORG, conversationId: "composer-conv", idempotencyKey: "customer-template",
      content: { type: "template", name: "welcome", language: "es_AR", components: [{ type: "body", parameters: [{ type: "text", text: "Martina" }] }] },
    });
    expect(message).toMatchObject({ type: "TEMPLATE", direction: "OUTBOUND" });
  });
});
