import { adminDb, withTenant } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { suspendWhatsAppAccount } from "../whatsapp-accounts/suspend-whatsapp-account";
import { auditProvisioning, currentProvisioning, resolveDeps, withProvisioningLock, type ProvisioningActor, type ProvisioningDeps } from "./provisioning-record";
import { toProvisioningView, type ProvisioningView } from "./provisioning-view";

// Operators stop an active number (unpaid plan, abuse) without giving it back: the account is suspended like any
// other (sends stop), the partner keeps the channel. Idempotent for an already suspended one.
export async function suspendProvisioning(
  organizationId: string,
  input: { reason: string },
  actor: ProvisioningActor,
  deps: ProvisioningDeps = {},
): Promise<ProvisioningView> {
  const { now, redis } = resolveDeps(deps);
  const reason = input.reason.trim();
  if (!reason) throw new AppError("VALIDATION_FAILED", { message: "Indicá el motivo de la suspensión.", fields: { reason: "Es obligatorio." } });
  return withProvisioningLock(redis, organizationId, async () => {
    const row = await withTenant(organizationId, (tx) => currentProvisioning(tx, organizationId));
    if (row?.status === "SUSPENDED") return toProvisioningView(row);
    if (row?.status !== "ACTIVE" || !row.accountId) throw new AppError("CONFLICT", { message: "Solo se puede suspender un número activo." });
    await suspendWhatsAppAccount(adminDb(), { account: row.accountId, reason });
    return withTenant(organizationId, async (tx) => {
      const updated = await tx.numberProvisioning.update({ where: { id: row.id }, data: { status: "SUSPENDED", suspendedAt: now, lastError: reason } });
      await auditProvisioning(tx, updated, actor, "suspended", { reason });
      return toProvisioningView(updated);
    });
  });
}
