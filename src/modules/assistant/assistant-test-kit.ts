// Test-only helpers for the assistant (not exported from the module's index): an organization with the demo
// price list, two technicians with schedules, the staff_alert template approved, and turns built like the inbound
// pipeline builds them (inbound rows + a ConversationTurn).
import type { Redis } from "ioredis";
import type { Prisma } from "@campotech/database";
import type { TestSandbox } from "../../integrations/whatsapp/sandbox-harness";
import { adminDb } from "../../lib/db";
import { ORG_A, seedOrganizations } from "../messaging/outbound-test-kit";
import { DEFAULT_TEMPLATES } from "../templates/default-templates";

export { ORG_A };
export const CONV = `${ORG_A}-conv0`;
export const CUSTOMER = `${ORG_A}-c0`;
export const ba = (iso: string) => new Date(`${iso}-03:00`);

const PRICES = [
  { code: "VISITA", name: "Visita de diagnóstico", serviceType: "GENERAL", unit: "visita", priceCents: 1_500_000, keywords: ["visita", "revisar", "diagnostico", "presupuesto"] },
  { code: "DESTAP-CLOACA", name: "Destapación de cloaca", serviceType: "DRAINAGE", unit: "servicio", priceCents: 3_800_000, keywords: ["destapar", "destapacion", "cloaca", "tapado", "tapada"] },
  { code: "SPLIT-3000", name: "Instalación de split 3000 frigorías", serviceType: "HVAC", unit: "equipo", priceCents: 4_500_000, keywords: ["split", "aire", "instalacion de aire", "3000"] },
  { code: "SPLIT-SERVICE", name: "Service de aire acondicionado", serviceType: "HVAC", unit: "equipo", priceCents: 2_800_000, keywords: ["service", "aire", "carga de gas", "limpieza"] },
  { code: "PERDIDA-GAS", name: "Detección y reparación de pérdida de gas", serviceType: "GAS", unit: "servicio", priceCents: 5_500_000, keywords: ["perdida de gas", "olor a gas", "fuga"] },
] as const;

export async function seedAssistantOrg(sandbox: TestSandbox, redis: Redis, options: { now: Date; settings?: Record<string, unknown>; tier?: "PROFESIONAL" | "FREE" | "EMPRESARIAL" }) {
  await seedOrganizations(sandbox, redis);
  const admin = adminDb();
  await admin.organization.update({
    where: { id: ORG_A },
    data: {
      name: "Del Sur Plomería y Gas",
      tier: options.tier ?? "PROFESIONAL",
      settings: { assistant: { autoResponseEnabled: true, ...options.settings }, businessHours: { monday: ["08:00", "18:00"], tuesday: ["08:00", "18:00"], wednesday: ["08:00", "18:00"], thursday: ["08:00", "18:00"], friday: ["08:00", "18:00"] } },
    },
  });
  await admin.customer.update({ where: { id: CUSTOMER }, data: { name: "Martina Gómez", address: "Av. Rivadavia 4520" } });
  await admin.whatsAppConversation.updateMany({ where: { organizationId: ORG_A }, data: { windowExpiresAt: new Date(options.now.getTime() + 20 * 3600_000), lastInboundAt: options.now } });
  await admin.waTemplate.createMany({
    data: DEFAULT_TEMPLATES.map((t) => ({ organizationId: ORG_A, name: t.name, language: "es_AR", category: t.category, status: "APPROVED" as const, components: [{ type: "BODY", text: t.body }] })),
  });
  await admin.user.createMany({
    data: [
      { id: "u-owner", organizationId: ORG_A, phone: "+5491140000001", name: "Martín Gómez", role: "OWNER", email: "martin@delsur.test" },
      { id: "u-disp", organizationId: ORG_A, phone: "+5491140000002", name: "Laura Fernández", role: "DISPATCHER" },
      { id: "u-tech1", organizationId: ORG_A, phone: "+5491140000003", name: "Diego Ruiz", role: "TECHNICIAN" },
      { id: "u-tech2", organizationId: ORG_A, phone: "+5491140000004", name: "Sofía Benítez", role: "TECHNICIAN" },
    ],
  });
  const week = { 1: [["08:00", "18:00"]], 2: [["08:00", "18:00"]], 3: [["08:00", "18:00"]], 4: [["08:00", "18:00"]], 5: [["08:00", "18:00"]] };
  for (const userId of ["u-tech1", "u-tech2"]) await admin.technicianSchedule.create({ data: { organizationId: ORG_A, userId, workingHours: week, travelBufferMinutes: 30 } });
  await admin.priceListItem.createMany({ data: PRICES.map((p) => ({ ...p, keywords: [...p.keywords], organizationId: ORG_A })) });
}

let seq = 0;
// Inbound messages of one turn, stored as the pipeline stores them, and the closed turn.
export async function turn(parts: (string | { type: "AUDIO" | "REACTION" | "IMAGE"; content?: Record<string, unknown>; mediaStorageKey?: string; mediaMimeType?: string })[], at: Date, conversationId = CONV): Promise<string> {
  const admin = adminDb();
  const id = `t${++seq}-${Date.now()}`;
  const ids: string[] = [];
  for (const [i, part] of parts.entries()) {
    const messageId = `${id}-m${i}`;
    const when = new Date(at.getTime() - (parts.length - i) * 1000);
    await admin.whatsAppMessage.create({
      data: typeof part === "string"
        ? { id: messageId, organizationId: ORG_A, conversationId, waMessageId: `wamid.${messageId}`, direction: "INBOUND", type: "TEXT", content: { body: part }, status: "RECEIVED", providerTimestamp: when, createdAt: when }
        : {
            id: messageId, organizationId: ORG_A, conversationId, waMessageId: `wamid.${messageId}`, direction: "INBOUND", type: part.type, content: (part.content ?? {}) as Prisma.InputJsonValue, status: "RECEIVED",
            providerTimestamp: when, createdAt: when,
            ...(part.mediaStorageKey ? { mediaStorageKey: part.mediaStorageKey, mediaMimeType: part.mediaMimeType ?? "audio/ogg", mediaState: "STORED" as const } : part.type === "AUDIO" ? { mediaState: "PENDING" as const } : {}),
          },
    });
    ids.push(messageId);
  }
  await admin.conversationTurn.create({
    data: { id, organizationId: ORG_A, conversationId, triggerMessageId: ids.at(-1)!, messageCount: ids.length, firstMessageAt: at, lastMessageAt: at },
  });
  await admin.whatsAppMessage.updateMany({ where: { id: { in: ids } }, data: { turnId: id } });
  return id;
}

export async function outbound(conversationId = CONV) {
  return adminDb().whatsAppMessage.findMany({
    where: { conversationId, direction: "OUTBOUND" },
    orderBy: { createdAt: "asc" },
    select: { id: true, content: true, sentByUserId: true, delivery: { select: { purpose: true, priority: true } } },
  });
}

export const bodyOf = (m: { content: unknown }) => (m.content as { body?: string; preview?: string }).body ?? (m.content as { preview?: string }).preview ?? "";
