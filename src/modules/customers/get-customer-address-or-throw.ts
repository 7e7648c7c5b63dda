import type { TenantTx } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { CUSTOMER_ADDRESS_SELECT, type CustomerAddressView } from "./customer-address-view";

// Addressed through its customer: an id from another customer (or organization, hidden by RLS) is not found.
export async function getCustomerAddressOrThrow(tx: TenantTx, customerId: string, addressId: string): Promise<CustomerAddressView> {
  const address = await tx.customerAddress.findFirst({ where: { id: addressId, customerId, customer: { staffUserId: null } }, select: CUSTOMER_ADDRESS_SELECT });
  if (!address) throw new AppError("NOT_FOUND", { message: "No encontramos esa dirección." });
  return address;
}
