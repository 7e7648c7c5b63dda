import type { TenantTx } from "../../lib/db";
import { appendAuditLog } from "../audit/append-audit-log";

// Hides the checklist for the whole organization. Dismissing again keeps the first date and writes nothing.
export async function dismissOnboarding(tx: TenantTx, actor: { organizationId: string; userId: string }, now: Date = new Date()): Promise<{ dismissedAt: Date }> {
  const { count } = await tx.organization.updateMany({ where: { id: actor.organizationId, onboardingDismissedAt: null }, data: { onboardingDismissedAt: now } });
  if (count) {
    await appendAuditLog(tx, { organizationId: actor.organizationId, actorType: "USER", actorId: actor.userId, action: "onboarding.dismissed", entityType: "Organization", entityId: actor.organizationId });
  }
  const { onboardingDismissedAt } = await tx.organization.findUniqueOrThrow({ where: { id: actor.organizationId }, select: { onboardingDismissedAt: true } });
  return { dismissedAt: onboardingDismissedAt! };
}
