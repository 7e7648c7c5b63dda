import { adminDb } from "../../lib/db";
import type { MediaStorage } from "../media/media-storage";

// A seeded dataset on both sides of every retention boundary, relative to NOW (tests pass it as the clock).
export const NOW = new Date("2026-12-01T06:30:00.000Z");
export const PRO = "org-ret-pro"; // PROFESIONAL: 90 days of messages
export const EMP = "org-ret-emp"; // EMPRESARIAL: 365 days
export const ago = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

export async function seedRetentionDataset(storage: MediaStorage) {
  const admin = adminDb();
  await admin.organization.create({ data: { id: PRO, name: "Gasista Pro", cuit: "30712345671", tier: "PROFESIONAL" } });
  await admin.organization.create({ data: { id: EMP, name: "Clima Empresa", cuit: "30712345672", tier: "EMPRESARIAL" } });
  await admin.user.create({ data: { id: "ret-tech", organizationId: PRO, phone: "+5491140000101", name: "Técnico", role: "TECHNICIAN" } });
  const customer = (id: string, organizationId: string, n: number) =>
    admin.customer.create({ data: { id, organizationId, phone: `+54911555501${String(n).padStart(2, "0")}`, name: `Cliente ${id}` } });
  const conversation = (id: string, organizationId: string, customerId: string, lastMessageAt: Date) =>
    admin.whatsAppConversation.create({ data: { id, organizationId, customerId, lastMessageAt, createdAt: lastMessageAt } });
  const message = (id: string, organizationId: string, conversationId: string, createdAt: Date, media?: string) =>
    admin.whatsAppMessage.create({
      data: {
        id, organizationId, conversationId, direction: "INBOUND", type: media ? "IMAGE" : "TEXT", content: media ? { caption: `foto ${id}` } : { body: `texto ${id}` },
        status: "RECEIVED", createdAt, ...(media ? { mediaStorageKey: media, mediaMimeType: "image/jpeg", mediaState: "STORED" as const } : {}),
      },
    });

  await customer("ret-c-active", PRO, 1);
  await conversation("ret-conv-active", PRO, "ret-c-active", ago(1));
  await message("ret-m89", PRO, "ret-conv-active", ago(89), `${PRO}/m89.jpg`);
  await message("ret-m91", PRO, "ret-conv-active", ago(91), `${PRO}/m91.jpg`);
  await storage.put(`${PRO}/m89.jpg`, new Uint8Array([1, 2, 3]), "image/jpeg");
  await storage.put(`${PRO}/m91.jpg`, new Uint8Array([4, 5, 6]), "image/jpeg");
  await customer("ret-c-364", PRO, 2);
  await conversation("ret-conv-364", PRO, "ret-c-364", ago(364));
  await customer("ret-c-366", PRO, 3);
  await conversation("ret-conv-366", PRO, "ret-c-366", ago(366));

  for (const [id, status, days] of [["ret-se29", "SENT", 29], ["ret-se31", "DELIVERED", 31]] as const) {
    await admin.whatsAppStatusEvent.create({ data: { id, organizationId: PRO, messageId: "ret-m89", status, providerStatus: status.toLowerCase(), providerTimestamp: ago(days), createdAt: ago(days) } });
  }
  for (const [id, days] of [["ret-run29", 29], ["ret-run31", 31]] as const) {
    await admin.assistantRun.create({
      data: { id, organizationId: PRO, conversationId: "ret-conv-active", turnId: `turn-${id}`, engine: "OFFLINE", intent: "quote", outcome: "answered", reply: "Te paso el presupuesto", toolCalls: [{ tool: "price" }], latencyMs: 5, createdAt: ago(days) },
    });
  }
  for (const [id, days] of [["ret-p29", 29], ["ret-p31", 31]] as const) {
    await admin.technicianPosition.create({ data: { id, organizationId: PRO, technicianId: "ret-tech", latitude: -34.6, longitude: -58.4, recordedAt: ago(days), createdAt: ago(days) } });
  }
  // Eleven years old: the invoice (10-year legal keep) and an audit row (never deleted) must survive every run.
  await admin.invoice.create({
    data: {
      id: "ret-inv-old", organizationId: PRO, customerId: "ret-c-366", kind: "INVOICE", letter: "B", voucherType: 6, status: "AUTHORIZED", environment: "HOMOLOGACION", pointOfSale: 2, number: 7,
      issueDate: "2015-11-20", serviceFrom: "2015-11-20", serviceTo: "2015-11-20", paymentDueDate: "2015-11-30", receiverName: "Cliente ret-c-366", receiverDocType: 99, receiverDocNumber: "0",
      receiverIvaConditionId: 5, netCents: 10_000, ivaCents: 2_100, totalCents: 12_100, cae: "61234567890123", caeDueDate: "2015-11-30", paidCents: 12_100, paidAt: ago(4015), createdAt: ago(4015),
    },
  });
  await admin.auditLog.create({ data: { id: "ret-audit-old", organizationId: PRO, actorType: "SYSTEM", action: "invoice.authorized", entityType: "invoice", entityId: "ret-inv-old", createdAt: ago(4015) } });

  for (const [id, days] of [["ret-un29", 29], ["ret-un31", 31]] as const) {
    await admin.unroutedWebhookNumber.create({ data: { id, provider: "META_DIRECT", phoneNumberId: id, lastDeliveryId: id, firstSeenAt: ago(days), lastSeenAt: ago(days) } });
  }

  await customer("ret-e-c", EMP, 4);
  await conversation("ret-e-conv", EMP, "ret-e-c", ago(2));
  await message("ret-e-m91", EMP, "ret-e-conv", ago(91));
  await message("ret-e-m366", EMP, "ret-e-conv", ago(366));
}
