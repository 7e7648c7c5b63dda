import type { TenantTx } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { appendAuditLog } from "../audit/append-audit-log";
import { CUSTOMER_ADDRESS_SELECT, type CustomerAddressFields, type CustomerAddressView } from "./customer-address-view";
import { getCustomerOrThrow } from "./get-customer-or-throw";
import { mirrorDefaultAddress } from "./mirror-default-address";

export const MAX_ADDRESSES_PER_CUSTOMER = 30;

// Idempotent by content: the same address sent twice (a double click, a retried request) is the same row. The first
// address becomes the default; `makeDefault` moves the default to the new one.
export async function addCustomerAddress(
  tx: TenantTx,
  input: { organizationId: string; customerId: string; actorId: string; address: CustomerAddressFields; makeDefault?: boolean; actorType?: "USER" | "SYSTEM" },
): Promise<CustomerAddressView> {
  await tx.$queryRaw`SELECT id FROM "Customer" WHERE id = ${input.customerId} FOR UPDATE`;
  const customer = await getCustomerOrThrow(tx, input.customerId);
  if (customer.mergedIntoId) throw new AppError("CONFLICT", { message: "Este cliente se unió a otro: cargá la dirección en el que quedó." });
  const a = input.address;
  const fields = { label: a.label ?? null, street: a.street, floorApartment: a.floorApartment ?? null, locality: a.locality ?? null, references: a.references ?? null };
  const existing = await tx.customerAddress.findFirst({ where: { customerId: customer.id, ...fields }, select: { id: true } });
  const count = await tx.customerAddress.count({ where: { customerId: customer.id } });
  if (!existing && count >= MAX_ADDRESSES_PER_CUSTOMER) {
    throw new AppError("VALIDATION_FAILED", { message: `Un cliente puede tener hasta ${MAX_ADDRESSES_PER_CUSTOMER} direcciones.` });
  }
  const row = existing ?? (await tx.customerAddress.create({ data: { organizationId: input.organizationId, customerId: customer.id, ...fields }, select: { id: true } }));
  if (input.makeDefault || count === 0) {
    await tx.customerAddress.updateMany({ where: { customerId: customer.id, id: { not: row.id } }, data: { isDefault: false } });
    await tx.customerAddress.update({ where: { id: row.id }, data: { isDefault: true } });
  }
  await mirrorDefaultAddress(tx, customer.id);
  if (!existing) {
    await appendAuditLog(tx, {
      organizationId: input.organizationId,
      actorType: input.actorType ?? "USER",
      actorId: input.actorId,
      action: "customer.address_added",
      entityType: "Customer",
      entityId: customer.id,
      metadata: { addressId: row.id },
    });
  }
  return tx.customerAddress.findUniqueOrThrow({ where: { id: row.id }, select: CUSTOMER_ADDRESS_SELECT });
}
