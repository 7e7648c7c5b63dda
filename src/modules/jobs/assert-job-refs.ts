import type { TenantTx } from "../../lib/db";
import { AppError } from "../../lib/errors";

// Customer and technician must exist in this organization (RLS hides other organizations' rows, so a foreign id
// fails here as "not found" instead of reaching a foreign key).
export async function assertJobRefs(tx: TenantTx, refs: { customerId?: string; technicianId?: string | null }): Promise<void> {
  if (refs.customerId && !(await tx.customer.findFirst({ where: { id: refs.customerId, staffUserId: null }, select: { id: true } }))) {
    throw new AppError("VALIDATION_FAILED", { message: "No encontramos ese cliente.", fields: { customerId: "No encontramos ese cliente." } });
  }
  if (refs.technicianId) {
    const tech = await tx.user.findFirst({ where: { id: refs.technicianId, isActive: true }, select: { role: true } });
    if (!tech) throw new AppError("VALIDATION_FAILED", { message: "No encontramos ese técnico.", fields: { technicianId: "No encontramos ese técnico." } });
  }
}
