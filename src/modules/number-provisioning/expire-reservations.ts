import { Prisma } from "@campotech/database";
import { withTenant } from "../../lib/db";
import { organizationsWith } from "../reconcile/organization-ids";
import { auditProvisioning, CLEARED_RESERVATION, forPeople, LIVE_RESERVATION, resolveDeps, type ProvisioningDeps } from "./provisioning-record";
import { releasePartnerResources } from "./release-partner-resources";

// Every minute (provisioning.expire-reservations): reservations whose time is up go back to the partner's pool and
// the organization back to NOT_STARTED, with lastError telling the owner what happened. The partner expires them on
// its own too; releasing here keeps both sides in step and frees the number at once.
export async function expireReservations(deps: ProvisioningDeps = {}): Promise<{ expired: number; failed: number }> {
  const { partner, now } = resolveDeps(deps);
  const organizations = (await organizationsWith(Prisma.sql`EXISTS (SELECT 1 FROM "NumberProvisioning"
    WHERE "status"::text IN (${Prisma.join(LIVE_RESERVATION)}) AND "reservedUntil" <= ${now.toISOString()}::timestamp)`)).map((id) => ({ id }));
  let expired = 0;
  let failed = 0;
  for (const { id: organizationId } of organizations) {
    const due = await withTenant(organizationId, (tx) =>
      tx.numberProvisioning.findMany({ where: { organizationId, status: { in: LIVE_RESERVATION }, reservedUntil: { lte: now } } }),
    );
    for (const row of due) {
      try {
        await releasePartnerResources(row, partner);
      } catch {
        // The partner expires the reservation itself; a failed release must not keep the owner stuck here.
        failed += 1;
      }
      await withTenant(organizationId, async (tx) => {
        // Only if nothing moved it meanwhile (a verification finishing in the same minute wins).
        const changed = await tx.numberProvisioning.updateMany({
          where: { id: row.id, status: row.status, reservedUntil: row.reservedUntil },
          data: {
            ...CLEARED_RESERVATION,
            status: "NOT_STARTED",
            lastError: `La reserva del número ${forPeople(row.phoneNumber) ?? ""} venció antes de verificarlo: elegí un número de nuevo.`.replace("  ", " "),
          },
        });
        if (changed.count === 1) {
          expired += 1;
          await auditProvisioning(tx, row, { type: "SYSTEM" }, "reservation_expired", { from: row.status, phoneNumber: row.phoneNumber });
        }
      });
    }
  }
  return { expired, failed };
}
