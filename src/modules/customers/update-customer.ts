import type { TenantTx } from "../../lib/db";
import { appendAuditLog } from "../audit/append-audit-log";
import { CUSTOMER_SELECT, type CustomerView } from "./customer-view";
import { getCustomerOrThrow } from "./get-customer-or-throw";

export type CustomerChanges = { name?: string; address?: string | null; city?: string | null; notes?: string | null };

// The change and its audit row share the transaction. The audit keeps which fields changed, not their values:
// notes and addresses are personal data and the chain is kept for years.
export async function updateCustomer(
  tx: TenantTx,
  input: { organizationId: string; customerId: string; actorId: string; changes: CustomerChanges },
): Promise<CustomerView> {
  const before = await getCustomerOrThrow(tx, input.customerId);
  const changed = (Object.keys(input.changes) as (keyof CustomerChanges)[]).filter(
    (key) => input.changes[key] !== undefined && input.changes[key] !== before[key],
  );
  if (!changed.length) return before;
  const data = Object.fromEntries(changed.map((key) => [key, input.changes[key]]));
  const updated = await tx.customer.update({ where: { id: before.id }, data, select: CUSTOMER_SELECT });
  await appendAuditLog(tx, {
    organizationId: input.organizationId,
    actorType: "USER",
    actorId: input.actorId,
    action: "customer.updated",
    entityType: "Customer",
    entityId: before.id,
    metadata: { fields: changed },
  });
  return updated;
}
