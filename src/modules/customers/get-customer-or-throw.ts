import type { TenantTx } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { CUSTOMER_SELECT, CUSTOMER_WHERE, type CustomerView } from "./customer-view";

// Another organization's id (hidden by RLS) and a staff recipient look the same from here: not found.
export async function getCustomerOrThrow(tx: TenantTx, id: string): Promise<CustomerView> {
  const customer = await tx.customer.findFirst({ where: { id, ...CUSTOMER_WHERE }, select: CUSTOMER_SELECT });
  if (!customer) throw new AppError("NOT_FOUND", { message: "No encontramos ese cliente." });
  return customer;
}
