import { withTenant, type TenantTx } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { assertPlanFeature } from "../organizations/assert-plan-feature";
import {
  auditProvisioning, CODE_TTL_MS, currentProvisioning, hasLiveReservation, MAX_RESENDS, maskPhone, RESEND_COOLDOWN_MS, resolveDeps,
  withProvisioningLock, type ProvisioningActor, type ProvisioningDeps,
} from "./provisioning-record";
import { toProvisioningView, type ProvisioningView } from "./provisioning-view";

// The code goes by SMS to the OWNER's registered phone — never to a number typed in the wizard — so only the
// business's owner can put a WhatsApp number in its name. The first send moves the row to PENDING_VERIFICATION;
// later calls are resends (capped, with a cooldown), each a new code valid 10 minutes with fresh attempts.
export async function sendVerificationCode(organizationId: string, actor: ProvisioningActor, deps: ProvisioningDeps = {}): Promise<ProvisioningView> {
  const { partner, now, redis } = resolveDeps(deps);
  return withProvisioningLock(redis, organizationId, async () => {
    const { row, ownerPhone } = await withTenant(organizationId, async (tx) => {
      await assertPlanFeature(tx, organizationId, "virtualNumber", now);
      return { row: await currentProvisioning(tx, organizationId), ownerPhone: await ownerPhoneOf(tx, organizationId) };
    });
    if (row?.status === "ACTIVE") return toProvisioningView(row);
    if (!hasLiveReservation(row, now) || !row.reservationId) {
      throw new AppError("GONE", { message: "No tenés un número reservado (o la reserva venció): elegí un número de nuevo." });
    }
    const resend = row.status === "PENDING_VERIFICATION";
    if (resend && row.resendCount >= MAX_RESENDS) {
      throw new AppError("RATE_LIMITED", { message: `Ya te mandamos ${MAX_RESENDS + 1} códigos: elegí el número de nuevo para pedir otro.` });
    }
    if (resend && row.verificationSentAt && now.getTime() - row.verificationSentAt.getTime() < RESEND_COOLDOWN_MS) {
      const seconds = Math.ceil((row.verificationSentAt.getTime() + RESEND_COOLDOWN_MS - now.getTime()) / 1000);
      throw new AppError("RATE_LIMITED", { message: `Esperá ${seconds} segundos para pedir otro código.` });
    }
    if (!ownerPhone) throw new AppError("CONFLICT", { message: "Tu organización no tiene un dueño con celular registrado: agregalo en Equipo." });

    await partner.requestVerificationCode(row.reservationId, ownerPhone);
    const verificationExpiresAt = new Date(now.getTime() + CODE_TTL_MS);
    return withTenant(organizationId, async (tx) => {
      const updated = await tx.numberProvisioning.update({
        where: { id: row.id },
        data: {
          status: "PENDING_VERIFICATION",
          verificationPhone: ownerPhone,
          verificationSentAt: now,
          verificationExpiresAt,
          verificationAttempts: 0,
          resendCount: resend ? row.resendCount + 1 : 0,
          // The partner holds the number while the code is valid.
          reservedUntil: new Date(Math.max(row.reservedUntil.getTime(), verificationExpiresAt.getTime())),
          lastError: null,
        },
      });
      await auditProvisioning(tx, updated, actor, resend ? "code_resent" : "code_sent", { to: maskPhone(ownerPhone), expiresAt: verificationExpiresAt.toISOString() });
      return toProvisioningView(updated);
    });
  });
}

// The organization's owner (the first one, if there are several) with the phone they log in with.
async function ownerPhoneOf(tx: TenantTx, organizationId: string): Promise<string | null> {
  const owner = await tx.user.findFirst({ where: { organizationId, role: "OWNER", isActive: true }, orderBy: { createdAt: "asc" }, select: { phone: true } });
  return owner?.phone ?? null;
}
