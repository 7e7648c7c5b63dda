import { withTenant } from "../../lib/db";
import { auditProvisioning, currentProvisioning, resolveDeps, withProvisioningLock, type ProvisioningActor, type ProvisioningDeps } from "./provisioning-record";
import { releasePartnerResources } from "./release-partner-resources";
import { toProvisioningView, type ProvisioningView } from "./provisioning-view";

// Gives the number back: a reservation or an active/suspended number returns to the partner's pool and the account
// is released; the row ends RELEASED (history), and the next reservation starts a new one. Not plan-gated: an
// organization that moved to a smaller plan must still be able to let its number go. Idempotent.
export async function releaseProvisioning(organizationId: string, actor: ProvisioningActor, deps: ProvisioningDeps = {}): Promise<ProvisioningView> {
  const { partner, now, redis } = resolveDeps(deps);
  return withProvisioningLock(redis, organizationId, async () => {
    const row = await withTenant(organizationId, (tx) => currentProvisioning(tx, organizationId));
    if (!row || row.status === "RELEASED" || (row.status === "NOT_STARTED" && !row.reservationId && !row.channelId)) return toProvisioningView(row);
    await releasePartnerResources(row, partner);
    return withTenant(organizationId, async (tx) => {
      const updated = await tx.numberProvisioning.update({ where: { id: row.id }, data: { status: "RELEASED", releasedAt: now, reservedUntil: null, lastError: null } });
      await auditProvisioning(tx, updated, actor, "released", { from: row.status, phoneNumber: row.phoneNumber, accountId: row.accountId });
      return toProvisioningView(updated);
    });
  });
}
