import { withTenant } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { assertPlanFeature } from "../organizations/assert-plan-feature";
import {
  auditProvisioning, CLEARED_RESERVATION, currentProvisioning, e164, hasLiveReservation, LIVE_RESERVATION, RESERVATION_TTL_MS, resolveDeps,
  withProvisioningLock, type ProvisioningActor, type ProvisioningDeps,
} from "./provisioning-record";
import { toProvisioningView, type ProvisioningView } from "./provisioning-view";

// Holds a pool number for 5 minutes (PENDING_NUMBER_SELECTION). Idempotent: while a reservation is live, reserving
// again answers it instead of holding a second number (the wizard's "Elegir otro" releases first).
export async function reserveNumber(
  organizationId: string,
  input: { numberId: string },
  actor: ProvisioningActor,
  deps: ProvisioningDeps = {},
): Promise<ProvisioningView> {
  const { partner, now, redis } = resolveDeps(deps);
  const numberId = input.numberId.trim();
  if (!numberId) throw new AppError("VALIDATION_FAILED", { message: "Elegí un número de la lista.", fields: { numberId: "Es obligatorio." } });
  return withProvisioningLock(redis, organizationId, async () => {
    const current = await withTenant(organizationId, async (tx) => {
      await assertPlanFeature(tx, organizationId, "virtualNumber", now);
      return currentProvisioning(tx, organizationId);
    });
    if (current?.status === "ACTIVE") throw new AppError("CONFLICT", { message: "Ya tenés un número de WhatsApp activo." });
    if (current?.status === "SUSPENDED") throw new AppError("CONFLICT", { message: "Tu número está suspendido: escribinos a soporte para reactivarlo." });
    if (hasLiveReservation(current, now)) return toProvisioningView(current);
    // A reservation whose time is up (the expiry job has not run yet) is let go before taking another number.
    if (current && LIVE_RESERVATION.includes(current.status) && current.reservationId) {
      await partner.releaseReservation(current.reservationId).catch(() => undefined);
    }

    const reservation = await partner.reserveNumber(numberId);
    const data = {
      ...CLEARED_RESERVATION,
      status: "PENDING_NUMBER_SELECTION" as const,
      areaCode: reservation.areaCode || null,
      poolNumberId: reservation.numberId,
      reservationId: reservation.id,
      phoneNumber: e164(reservation.phoneNumber),
      reservedUntil: new Date(now.getTime() + RESERVATION_TTL_MS),
      lastError: null,
    };
    try {
      return await withTenant(organizationId, async (tx) => {
        // A released row is history: a new start gets its own row.
        const reusable = current && current.status !== "RELEASED";
        const row = reusable
          ? await tx.numberProvisioning.update({ where: { id: current.id }, data })
          : await tx.numberProvisioning.create({ data: { organizationId, ...data } });
        await auditProvisioning(tx, row, actor, "number_reserved", { phoneNumber: row.phoneNumber, reservedUntil: data.reservedUntil.toISOString() });
        return toProvisioningView(row);
      });
    } catch (error) {
      // Never hold a number nobody can see.
      await partner.releaseReservation(reservation.id).catch(() => undefined);
      throw error;
    }
  });
}
