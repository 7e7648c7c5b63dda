import type { TenantTx } from "../../lib/db";
import { CUSTOMER_ADDRESS_SELECT, type CustomerAddressView } from "./customer-address-view";

// The default first, then in the order they were added.
export function listCustomerAddresses(tx: TenantTx, customerId: string): Promise<CustomerAddressView[]> {
  return tx.customerAddress.findMany({
    where: { customerId },
    orderBy: [{ isDefault: "desc" }, { createdAt: "asc" }, { id: "asc" }],
    select: CUSTOMER_ADDRESS_SELECT,
  });
}
