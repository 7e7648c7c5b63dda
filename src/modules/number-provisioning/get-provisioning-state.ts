import { withTenant } from "../../lib/db";
import { effectiveTier } from "../organizations/effective-tier";
import { includesFeature, upsellMessage } from "../organizations/features";
import { currentProvisioning } from "./provisioning-record";
import { toProvisioningView, type ProvisioningView } from "./provisioning-view";

export type ProvisioningState = ProvisioningView & { planIncludes: boolean; upsell: string | null };

// Readable on every plan, so the dashboard can show the upgrade message instead of the wizard below PROFESIONAL.
export async function getProvisioningState(organizationId: string, options: { now?: Date } = {}): Promise<ProvisioningState> {
  const now = options.now ?? new Date();
  return withTenant(organizationId, async (tx) => {
    const organization = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { tier: true, trialEndsAt: true } });
    const planIncludes = includesFeature(effectiveTier(organization, now), "virtualNumber");
    const view = toProvisioningView(await currentProvisioning(tx, organizationId));
    return { ...view, planIncludes, upsell: planIncludes ? null : upsellMessage("virtualNumber") };
  });
}
