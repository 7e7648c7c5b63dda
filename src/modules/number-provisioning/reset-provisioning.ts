import { withTenant } from "../../lib/db";
import {
  auditProvisioning, CLEARED_RESERVATION, currentProvisioning, resolveDeps, withProvisioningLock, type ProvisioningActor, type ProvisioningDeps,
} from "./provisioning-record";
import { releasePartnerResources } from "./release-partner-resources";
import { toProvisioningView, type ProvisioningView } from "./provisioning-view";

// Operator's way out of a stuck provisioning: whatever the partner holds is released (and the account, if any), and
// the organization starts over at NOT_STARTED on the same row.
export async function resetProvisioning(organizationId: string, actor: ProvisioningActor, deps: ProvisioningDeps = {}): Promise<ProvisioningView> {
  const { partner, redis } = resolveDeps(deps);
  return withProvisioningLock(redis, organizationId, async () => {
    const row = await withTenant(organizationId, (tx) => currentProvisioning(tx, organizationId));
    if (!row) return toProvisioningView(null);
    if (row.status !== "RELEASED") await releasePartnerResources(row, partner);
    return withTenant(organizationId, async (tx) => {
      const updated = await tx.numberProvisioning.update({
        where: { id: row.id },
        data: { ...CLEARED_RESERVATION, status: "NOT_STARTED", accountId: null, activatedAt: null, suspendedAt: null, releasedAt: null, lastError: null },
      });
      await auditProvisioning(tx, updated, actor, "reset", { from: row.status, phoneNumber: row.phoneNumber });
      return toProvisioningView(updated);
    });
  });
}
