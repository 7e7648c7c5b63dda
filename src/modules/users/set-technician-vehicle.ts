import type { TenantTx } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { appendAuditLog } from "../audit/append-audit-log";

export type TechnicianVehicle = { vehicle: string | null; plate: string | null };

// What the customer's tracking page shows to recognise who is arriving ("Fiat Kangoo blanca", "AB 123 CD"). Plates
// are kept uppercase without extra spaces, the way they are painted.
export async function setTechnicianVehicle(
  tx: TenantTx,
  actor: { organizationId: string; userId: string },
  technicianId: string,
  input: TechnicianVehicle,
): Promise<TechnicianVehicle & { technicianId: string }> {
  const technician = await tx.user.findFirst({ where: { id: technicianId, role: "TECHNICIAN" }, select: { id: true } });
  if (!technician) throw new AppError("NOT_FOUND", { message: "No encontramos ese técnico." });
  const vehicle = input.vehicle?.trim() || null;
  const plate = input.plate?.trim().toUpperCase().replace(/\s+/g, " ") || null;
  await tx.user.update({ where: { id: technician.id }, data: { vehicle, vehiclePlate: plate } });
  await appendAuditLog(tx, {
    organizationId: actor.organizationId, actorType: "USER", actorId: actor.userId, action: "user.vehicle_set", entityType: "User", entityId: technician.id,
    metadata: { vehicle: vehicle !== null, plate: plate !== null },
  });
  return { technicianId: technician.id, vehicle, plate };
}
