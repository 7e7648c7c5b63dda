import type { TenantTx } from "../../lib/db";
import { AppError } from "../../lib/errors";

// Customer and technician must exist in this organization (RLS hides other organizations' rows, so a foreign id
// fails here as "not found" instead of reaching a foreign key).
export async function assertJobRefs(tx: TenantTx, refs: { customerId?: string; technicianId?: string | null }): Promise<void> {
  if (refs.customerId && !(await tx.customer.findFirst({ where: { id: refs.customerId, staffUserId: null }, select: { id: true } }))) {
    throw new AppError("VALIDATION_FAILED", { message: "No encontramos ese cliente.", fields: { customerId: "No encontramos ese cliente." } });
  }
  if (refs.technicianId) {
    // Only a technician is sent to a customer's home (and only a technician gets the job's tracking and the app's
    // job list): a viewer or the owner assigned by mistake or on purpose would see and move the job as theirs.
    const tech = await tx.user.findFirst({ where: { id: refs.technicianId, isActive: true }, select: { role: true } });
    if (!tech) throw new AppError("VALIDATION_FAILED", { message: "No encontramos ese técnico.", fields: { technicianId: "No encontramos ese técnico." } });
    if (tech.role !== "TECHNICIAN") {
      const message = "Esa persona no tiene el rol de técnico: asigná el trabajo a un técnico del equipo.";
      throw new AppError("VALIDATION_FAILED", { message, fields: { technicianId: message } });
    }
  }
}
