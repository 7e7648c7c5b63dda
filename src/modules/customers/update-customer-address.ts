import type { TenantTx } from "../../lib/db";
import { appendAuditLog } from "../audit/append-audit-log";
import { CUSTOMER_ADDRESS_SELECT, type CustomerAddressFields, type CustomerAddressView } from "./customer-address-view";
import { getCustomerAddressOrThrow } from "./get-customer-address-or-throw";
import { mirrorDefaultAddress } from "./mirror-default-address";

export type CustomerAddressChanges = Partial<CustomerAddressFields> & { isDefault?: true };

// Edits fields and/or makes it the default (a default can't be "unset": another one has to be made default).
// Unchanged input writes nothing and leaves no audit row.
export async function updateCustomerAddress(
  tx: TenantTx,
  input: { organizationId: string; customerId: string; addressId: string; actorId: string; changes: CustomerAddressChanges },
): Promise<CustomerAddressView> {
  await tx.$queryRaw`SELECT id FROM "Customer" WHERE id = ${input.customerId} FOR UPDATE`;
  const before = await getCustomerAddressOrThrow(tx, input.customerId, input.addressId);
  const keys = (["label", "street", "floorApartment", "locality", "references"] as const).filter(
    (k) => input.changes[k] !== undefined && (input.changes[k] ?? null) !== before[k],
  );
  const makeDefault = input.changes.isDefault === true && !before.isDefault;
  if (!keys.length && !makeDefault) return before;
  if (makeDefault) await tx.customerAddress.updateMany({ where: { customerId: input.customerId, id: { not: before.id } }, data: { isDefault: false } });
  const data = { ...Object.fromEntries(keys.map((k) => [k, input.changes[k] ?? null])), ...(makeDefault ? { isDefault: true } : {}) };
  await tx.customerAddress.update({ where: { id: before.id }, data });
  if (makeDefault || before.isDefault) await mirrorDefaultAddress(tx, input.customerId);
  await appendAuditLog(tx, {
    organizationId: input.organizationId,
    actorType: "USER",
    actorId: input.actorId,
    action: "customer.address_updated",
    entityType: "Customer",
    entityId: input.customerId,
    metadata: { addressId: before.id, fields: [...keys, ...(makeDefault ? ["isDefault"] : [])] },
  });
  return tx.customerAddress.findUniqueOrThrow({ where: { id: before.id }, select: CUSTOMER_ADDRESS_SELECT });
}
