import type { Prisma } from "@campotech/database";
import type { TenantTx } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { appendAuditLog } from "../audit/append-audit-log";
import { CUSTOMER_SELECT, type CustomerView } from "./customer-view";
import { countCustomerHoldings, type CustomerHoldings } from "./get-merge-preview";
import { MAX_TAGS_PER_CUSTOMER } from "./normalize-tags";

export type MergeCustomersInput = { organizationId: string; actorId: string; survivorId: string; duplicateId: string };
export type MergeCustomersResult = { survivor: CustomerView; duplicateId: string; alreadyMerged: boolean; moved: CustomerHoldings | null };

const notFound = () => new AppError("NOT_FOUND", { message: "No encontramos ese cliente." });

// Everything the duplicate owns moves to the survivor in the caller's transaction; the duplicate row stays, marked
// merged, so its phone and WhatsApp user id keep routing inbound messages (matchCustomer follows mergedIntoId).
// Merging a pair that is already merged answers alreadyMerged without touching anything.
export async function mergeCustomers(tx: TenantTx, input: MergeCustomersInput): Promise<MergeCustomersResult> {
  const { survivorId, duplicateId } = input;
  if (survivorId === duplicateId) throw new AppError("VALIDATION_FAILED", { message: "No se puede unir un cliente consigo mismo: elegí otro." });
  // Both rows locked in a fixed order: two merges of the same pair (or crossed pairs) serialize instead of deadlocking.
  await tx.$queryRaw`SELECT id FROM "Customer" WHERE id IN (${survivorId}, ${duplicateId}) ORDER BY id FOR UPDATE`;
  const rows = await tx.customer.findMany({
    where: { id: { in: [survivorId, duplicateId] }, staffUserId: null },
    select: { ...CUSTOMER_SELECT, organizationId: true },
  });
  const survivor = rows.find((r) => r.id === survivorId);
  const duplicate = rows.find((r) => r.id === duplicateId);
  // Another organization's customer is invisible under RLS; the explicit check is the backstop for the admin client.
  if (!survivor || !duplicate) throw notFound();
  if (survivor.organizationId !== input.organizationId || duplicate.organizationId !== input.organizationId) throw notFound();
  const { organizationId: _org, ...survivorView } = survivor;
  if (duplicate.mergedIntoId === survivorId) return { survivor: survivorView, duplicateId, alreadyMerged: true, moved: null };
  if (survivor.mergedIntoId) throw new AppError("CONFLICT", { message: `«${survivor.name}» ya se unió a otro cliente: elegí como principal al que quedó.` });
  if (duplicate.mergedIntoId) throw new AppError("CONFLICT", { message: `«${duplicate.name}» ya se unió a otro cliente.` });

  const moved = await countCustomerHoldings(tx, duplicateId);
  await moveConversation(tx, survivorId, duplicateId);
  const where = { customerId: duplicateId };
  const data = { customerId: survivorId };
  await tx.job.updateMany({ where, data });
  await tx.lead.updateMany({ where, data });
  await tx.invoice.updateMany({ where, data });
  await tx.paymentLink.updateMany({ where, data });
  await tx.payment.updateMany({ where, data });
  // A reaction is unique per (message, customer): where both reacted to the same message the survivor's stays.
  const survivorTargets = await tx.whatsAppReaction.findMany({ where: { customerId: survivorId }, select: { targetWaMessageId: true } });
  await tx.whatsAppReaction.deleteMany({ where: { customerId: duplicateId, targetWaMessageId: { in: survivorTargets.map((r) => r.targetWaMessageId) } } });
  await tx.whatsAppReaction.updateMany({ where, data });
  const survivorHasDefault = (await tx.customerAddress.count({ where: { customerId: survivorId, isDefault: true } })) > 0;
  await tx.customerAddress.updateMany({ where, data: { ...data, ...(survivorHasDefault ? { isDefault: false } : {}) } });

  const updated = await tx.customer.update({ where: { id: survivorId }, data: mergedFields(survivorView, duplicate), select: CUSTOMER_SELECT });
  await tx.customer.update({ where: { id: duplicateId }, data: { mergedIntoId: survivorId, mergedAt: new Date() } });
  // Rows merged into the duplicate earlier now point straight at the survivor: one hop for inbound matching.
  await tx.customer.updateMany({ where: { mergedIntoId: duplicateId }, data: { mergedIntoId: survivorId } });
  await appendAuditLog(tx, {
    organizationId: input.organizationId,
    actorType: "USER",
    actorId: input.actorId,
    action: "customer.merged",
    entityType: "Customer",
    entityId: survivorId,
    metadata: { duplicateId, moved },
  });
  return { survivor: updated, duplicateId, alreadyMerged: false, moved };
}

// The survivor's own values win; the duplicate fills what the survivor lacks. Tags are united, notes concatenated.
// An opt-out carries over: it is the same person, and they asked not to be messaged.
function mergedFields(survivor: CustomerView, duplicate: CustomerView): Prisma.CustomerUpdateInput {
  const fill = <K extends "email" | "address" | "city" | "profileName" | "ivaConditionId" | "optedOutAt">(key: K) =>
    survivor[key] === null && duplicate[key] !== null ? { [key]: duplicate[key] } : {};
  const notes = [survivor.notes, duplicate.notes].map((n) => n?.trim()).filter((n): n is string => !!n);
  const tags = [...new Set([...survivor.tags, ...duplicate.tags])].slice(0, MAX_TAGS_PER_CUSTOMER);
  return {
    ...fill("email"),
    ...fill("address"),
    ...fill("city"),
    ...fill("profileName"),
    ...fill("ivaConditionId"),
    ...fill("optedOutAt"),
    // The document travels as a pair: a type without its number would be refused at invoicing.
    ...(survivor.taxDocType === null && duplicate.taxDocType !== null ? { taxDocType: duplicate.taxDocType, taxDocNumber: duplicate.taxDocNumber } : {}),
    notes: notes.length ? [...new Set(notes)].join("\n\n") : survivor.notes,
    tags,
  };
}

// One conversation per customer (unique): with only the duplicate's, it changes hands; with both, the duplicate's
// messages, turns, leads and assistant runs move into the survivor's, which takes the later activity, and the empty
// conversation is deleted.
async function moveConversation(tx: TenantTx, survivorId: string, duplicateId: string): Promise<void> {
  const select = { id: true, status: true, unreadCount: true, lastMessageAt: true, lastInboundAt: true, windowExpiresAt: true, assignedToId: true } as const;
  const [kept, gone] = await Promise.all([
    tx.whatsAppConversation.findFirst({ where: { customerId: survivorId }, select }),
    tx.whatsAppConversation.findFirst({ where: { customerId: duplicateId }, select }),
  ]);
  if (!gone) return;
  if (!kept) {
    await tx.whatsAppConversation.update({ where: { id: gone.id }, data: { customerId: survivorId } });
    return;
  }
  const where = { conversationId: gone.id };
  const data = { conversationId: kept.id };
  await tx.whatsAppMessage.updateMany({ where, data });
  await tx.conversationTurn.updateMany({ where, data });
  await tx.lead.updateMany({ where, data });
  await tx.assistantRun.updateMany({ where, data });
  const later = (a: Date | null, b: Date | null) => (a && b ? (a > b ? a : b) : (a ?? b));
  await tx.whatsAppConversation.update({
    where: { id: kept.id },
    data: {
      unreadCount: kept.unreadCount + gone.unreadCount,
      lastMessageAt: later(kept.lastMessageAt, gone.lastMessageAt),
      lastInboundAt: later(kept.lastInboundAt, gone.lastInboundAt),
      windowExpiresAt: later(kept.windowExpiresAt, gone.windowExpiresAt),
      // A chat still open on either side stays open after the merge; nobody's assignment is dropped silently.
      ...(kept.status === "CLOSED" && gone.status !== "CLOSED" ? { status: gone.status } : {}),
      ...(!kept.assignedToId && gone.assignedToId ? { assignedToId: gone.assignedToId } : {}),
    },
  });
  await tx.whatsAppConversation.delete({ where: { id: gone.id } });
}
