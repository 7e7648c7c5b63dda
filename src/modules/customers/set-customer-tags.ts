import type { TenantTx } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { appendAuditLog } from "../audit/append-audit-log";
import { CUSTOMER_SELECT, type CustomerView } from "./customer-view";
import { getCustomerOrThrow } from "./get-customer-or-throw";
import { MAX_TAGS_PER_CUSTOMER, normalizeTags } from "./normalize-tags";

export type TagChanges = { add?: readonly string[]; remove?: readonly string[] };

// Adds and removes rather than replacing the whole list: two people tagging the same customer at once don't undo
// each other, and sending the same change twice leaves the same tags (nothing is written or audited the 2nd time).
export async function setCustomerTags(
  tx: TenantTx,
  input: { organizationId: string; customerId: string; actorId: string; changes: TagChanges },
): Promise<CustomerView> {
  const add = normalizeTags(input.changes.add ?? []);
  const remove = normalizeTags(input.changes.remove ?? []);
  // Row lock: the read-modify-write below must not interleave with another tag change on the same customer.
  await tx.$queryRaw`SELECT id FROM "Customer" WHERE id = ${input.customerId} FOR UPDATE`;
  const before = await getCustomerOrThrow(tx, input.customerId);
  if (before.mergedIntoId) throw new AppError("CONFLICT", { message: "Este cliente se unió a otro: cambiá las etiquetas en el que quedó." });
  const tags = [...before.tags.filter((t) => !remove.includes(t)), ...add.filter((t) => !before.tags.includes(t) && !remove.includes(t))];
  if (tags.length === before.tags.length && tags.every((t, i) => t === before.tags[i])) return before;
  if (tags.length > MAX_TAGS_PER_CUSTOMER) {
    const message = `Un cliente puede tener hasta ${MAX_TAGS_PER_CUSTOMER} etiquetas: sacá alguna antes de agregar otra.`;
    throw new AppError("VALIDATION_FAILED", { message, fields: { tags: message } });
  }
  const updated = await tx.customer.update({ where: { id: before.id }, data: { tags }, select: CUSTOMER_SELECT });
  await appendAuditLog(tx, {
    organizationId: input.organizationId,
    actorType: "USER",
    actorId: input.actorId,
    action: "customer.tags_changed",
    entityType: "Customer",
    entityId: before.id,
    metadata: { added: add.filter((t) => !before.tags.includes(t)), removed: remove.filter((t) => before.tags.includes(t)) },
  });
  return updated;
}
