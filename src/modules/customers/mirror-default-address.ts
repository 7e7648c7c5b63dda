import type { TenantTx } from "../../lib/db";
import { addressLine } from "./customer-address-view";

// Customer.address/city stay what they always were (the job form, invoices and the assistant read them): a copy of
// the default address. With no address left, the default falls to the oldest one; with none at all the customer's
// fields are left as they are (they may have been typed before the address book existed).
export async function mirrorDefaultAddress(tx: TenantTx, customerId: string): Promise<void> {
  const addresses = await tx.customerAddress.findMany({
    where: { customerId },
    orderBy: [{ isDefault: "desc" }, { createdAt: "asc" }, { id: "asc" }],
    select: { id: true, street: true, floorApartment: true, locality: true, isDefault: true },
  });
  const chosen = addresses[0];
  if (!chosen) return;
  if (!chosen.isDefault) await tx.customerAddress.update({ where: { id: chosen.id }, data: { isDefault: true } });
  const extraDefaults = addresses.slice(1).filter((a) => a.isDefault).map((a) => a.id);
  if (extraDefaults.length) await tx.customerAddress.updateMany({ where: { id: { in: extraDefaults } }, data: { isDefault: false } });
  await tx.customer.update({ where: { id: customerId }, data: { address: addressLine(chosen), city: chosen.locality ?? null } });
}
