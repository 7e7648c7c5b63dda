import type { TenantTx } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { appendAuditLog } from "../audit/append-audit-log";
import { CUSTOMER_SELECT } from "./customer-view";
import { mirrorDefaultAddress } from "./mirror-default-address";

// Removing an address already removed answers the same ({ removed: true }): the second click of a double click is
// not an error. Removing the default hands the default to the oldest remaining address; removing the last one
// clears the customer's address fields (they were a copy of it).
export async function removeCustomerAddress(
  tx: TenantTx,
  input: { organizationId: string; customerId: string; addressId: string; actorId: string },
): Promise<{ removed: true }> {
  await tx.$queryRaw`SELECT id FROM "Customer" WHERE id = ${input.customerId} FOR UPDATE`;
  const customer = await tx.customer.findFirst({ where: { id: input.customerId, staffUserId: null }, select: CUSTOMER_SELECT });
  if (!customer) throw new AppError("NOT_FOUND", { message: "No encontramos ese cliente." });
  const address = await tx.customerAddress.findFirst({ where: { id: input.addressId, customerId: customer.id }, select: { id: true, isDefault: true } });
  if (!address) return { removed: true };
  await tx.customerAddress.delete({ where: { id: address.id } });
  const left = await tx.customerAddress.count({ where: { customerId: customer.id } });
  if (left) {
    if (address.isDefault) await mirrorDefaultAddress(tx, customer.id);
  } else {
    await tx.customer.update({ where: { id: customer.id }, data: { address: null, city: null } });
  }
  await appendAuditLog(tx, {
    organizationId: input.organizationId,
    actorType: "USER",
    actorId: input.actorId,
    action: "customer.address_removed",
    entityType: "Customer",
    entityId: customer.id,
    metadata: { addressId: address.id },
  });
  return { removed: true };
}
