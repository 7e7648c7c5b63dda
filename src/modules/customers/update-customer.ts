import type { TenantTx } from "../../lib/db";
import { appendAuditLog } from "../audit/append-audit-log";
import { CUSTOMER_SELECT, type CustomerView } from "./customer-view";
import { getCustomerOrThrow } from "./get-customer-or-throw";
import { normalizeCuit } from "../../lib/cuit";
import { AppError } from "../../lib/errors";

export type CustomerChanges = {
  name?: string;
  address?: string | null;
  city?: string | null;
  notes?: string | null;
  email?: string | null;
  // Invoicing data: document type (80 CUIT, 96 DNI…) and number, and the IVA condition (RG 5616 id).
  taxDocType?: number | null;
  taxDocNumber?: string | null;
  ivaConditionId?: number | null;
};

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
  if (changed.some((k) => k === "taxDocType" || k === "taxDocNumber" || k === "ivaConditionId")) assertTaxData({ ...before, ...input.changes });
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

// A document number that ARCA would refuse is refused now, with the field named.
function assertTaxData(c: { taxDocType: number | null; taxDocNumber: string | null; ivaConditionId: number | null }): void {
  const fail = (field: string, message: string): never => {
    throw new AppError("VALIDATION_FAILED", { message, fields: { [field]: message } });
  };
  if (c.taxDocType === null || c.taxDocType === undefined) return;
  if (!c.taxDocNumber) fail("taxDocNumber", "Falta el número de documento.");
  if ((c.taxDocType === 80 || c.taxDocType === 86) && !normalizeCuit(c.taxDocNumber!)) fail("taxDocNumber", "El CUIT no es válido: revisá el dígito verificador.");
  if (c.taxDocType === 96 && !/^\d{7,8}$/.test(c.taxDocNumber!.replace(/\./g, ""))) fail("taxDocNumber", "El DNI tiene 7 u 8 dígitos.");
}
