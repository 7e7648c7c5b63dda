import { Prisma } from "@campotech/database";
import type { TenantTx } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { appendAuditLog } from "../audit/append-audit-log";
import type { MediaStorage } from "../media/media-storage";
import { purgeMessageBatch } from "../retention/purge-message-batch";
import { assertCustomerErasable } from "./assert-customer-erasable";
import type { PrivacyActor } from "./privacy-actor";

export const ERASED_CUSTOMER_NAME = "Cliente eliminado";
const ERASED_ADDRESS = "Dirección eliminada";
const ERASED_SUMMARY = "Datos eliminados a pedido del cliente";

export type EraseCustomerResult = {
  customerId: string;
  alreadyErased: boolean;
  removed: { addresses: number; messages: number; mediaFiles: number; conversations: number; jobs: number; positions: number; leads: number; reactions: number; payments: number; assistantRuns: number } | null;
  // Kept as issued: the law requires them (docs/operations.md, "Retention and privacy").
  invoicesKept: number;
};

// The right to erasure (Ley 25.326 art. 16): the customer's personal data is anonymised in one transaction —
// identity and contact fields, addresses, message bodies and media, the route positions tied to their jobs, what
// leads and payments say about them. Invoices are NOT touched (ARCA: the issued voucher, its CAE and receptor
// fields are kept 10 years), nor the audit chain (a new entry records the erasure). A second call changes nothing.
export async function eraseCustomerData(
  tx: TenantTx,
  storage: MediaStorage,
  input: { organizationId: string; customerId: string; actor: PrivacyActor; now?: Date },
): Promise<EraseCustomerResult> {
  const { organizationId, customerId } = input;
  const now = input.now ?? new Date();
  const customer = await tx.customer.findFirst({ where: { id: customerId, staffUserId: null }, select: { id: true, erasedAt: true } });
  if (!customer) throw new AppError("NOT_FOUND", { message: "No encontramos ese cliente." });
  const invoicesKept = await tx.invoice.count({ where: { customerId } });
  if (customer.erasedAt) return { customerId, alreadyErased: true, removed: null, invoicesKept };
  await assertCustomerErasable(tx, customerId);

  const conversationIds = (await tx.whatsAppConversation.findMany({ where: { customerId }, select: { id: true } })).map((c) => c.id);
  const jobIds = (await tx.job.findMany({ where: { customerId }, select: { id: true } })).map((j) => j.id);
  const removed = { addresses: 0, messages: 0, mediaFiles: 0, conversations: conversationIds.length, jobs: jobIds.length, positions: 0, leads: 0, reactions: 0, payments: 0, assistantRuns: 0 };
  for (;;) {
    const batch = await purgeMessageBatch(tx, storage, { where: { conversationId: { in: conversationIds } }, limit: 500, reason: "erasure", now });
    removed.messages += batch.messages;
    removed.mediaFiles += batch.mediaFiles;
    if (!batch.selected) break; // issue 22 (workers3): a batch a concurrent retention pass purged first counts 0 but is not the end
  }
  await tx.whatsAppConversation.updateMany({ where: { id: { in: conversationIds } }, data: { assistantState: {}, deletedAt: now } });
  removed.assistantRuns = (await tx.assistantRun.updateMany({ where: { conversationId: { in: conversationIds } }, data: { reply: null, error: null, toolCalls: [] } })).count;
  removed.reactions = (await tx.whatsAppReaction.deleteMany({ where: { customerId } })).count;
  removed.addresses = (await tx.customerAddress.deleteMany({ where: { customerId } })).count;
  removed.positions = (await tx.technicianPosition.deleteMany({ where: { jobId: { in: jobIds } } })).count;
  await tx.job.updateMany({ where: { id: { in: jobIds } }, data: { address: ERASED_ADDRESS, notes: "", latitude: null, longitude: null, locationSource: null, geocodedAt: null } });
  removed.leads = (await tx.lead.updateMany({ where: { customerId }, data: { summary: ERASED_SUMMARY } })).count;
  removed.payments = (await tx.payment.updateMany({ where: { customerId }, data: { note: null, raw: Prisma.DbNull } })).count;
  await tx.customer.update({
    where: { id: customerId },
    data: {
      name: ERASED_CUSTOMER_NAME, phone: null, waId: null, waUserId: null, profileName: null, address: null, city: null, email: null,
      taxDocType: null, taxDocNumber: null, ivaConditionId: null, notes: null, tags: [], erasedAt: now,
    },
  });
  await appendAuditLog(tx, {
    organizationId, actorType: input.actor.type, actorId: input.actor.id, action: "customer.data_erased", entityType: "customer", entityId: customerId,
    metadata: { ...removed, invoicesKept },
  });
  return { customerId, alreadyErased: false, removed, invoicesKept };
}
