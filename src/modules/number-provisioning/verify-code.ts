import { partnerErrorCode } from "../../integrations/dialog360/partner-errors";
import { withTenant } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { assertPlanFeature } from "../organizations/assert-plan-feature";
import { activateChannel } from "./activate-channel";
import {
  auditProvisioning, CLEARED_RESERVATION, currentProvisioning, MAX_CODE_ATTEMPTS, resolveDeps, withProvisioningLock,
  type ProvisioningActor, type ProvisioningDeps,
} from "./provisioning-record";
import { toProvisioningView, type ProvisioningView } from "./provisioning-view";

const LOCKED = "Ingresaste mal el código demasiadas veces: pedí uno nuevo.";

// Checks the SMS code with the partner. Our own count of attempts and our own expiry decide first (the partner
// enforces the same), so a wrong, late or locked code gets the same clear answer whatever the partner's state.
// Verifying an ACTIVE provisioning answers it as is; a row whose channel exists (a failed finish) just finishes.
export async function verifyCode(organizationId: string, input: { code: string }, actor: ProvisioningActor, deps: ProvisioningDeps = {}): Promise<ProvisioningView> {
  const { partner, now, redis, dialog360 } = resolveDeps(deps);
  const code = input.code.replace(/\s+/g, "");
  return withProvisioningLock(redis, organizationId, async () => {
    const row = await withTenant(organizationId, async (tx) => {
      await assertPlanFeature(tx, organizationId, "virtualNumber", now);
      return currentProvisioning(tx, organizationId);
    });
    if (row?.status === "ACTIVE") return toProvisioningView(row);
    if (row?.status === "PENDING_VERIFICATION" && row.channelId) {
      const channel = await partner.getChannel(row.channelId);
      return activateChannel({ organizationId, row, channel, actor, partner, dialog360, now });
    }
    if (row?.status === "PENDING_NUMBER_SELECTION") throw new AppError("CONFLICT", { message: "Primero pedí el código de verificación." });
    if (row?.status !== "PENDING_VERIFICATION" || !row.reservationId) {
      throw new AppError("GONE", { message: "No hay un número esperando verificación: elegí un número de nuevo." });
    }
    if (!/^\d{6}$/.test(code)) throw new AppError("VALIDATION_FAILED", { message: "El código tiene 6 números.", fields: { code: "El código tiene 6 números." } });
    if (row.verificationAttempts >= MAX_CODE_ATTEMPTS) throw new AppError("OTP_LOCKED", { message: LOCKED });
    if (!row.verificationExpiresAt || row.verificationExpiresAt.getTime() <= now.getTime()) {
      throw new AppError("GONE", { message: "El código venció: pedí uno nuevo." });
    }

    let channel;
    try {
      channel = await partner.verifyCode(row.reservationId, code);
    } catch (error) {
      await recordFailure(organizationId, row.id, row.verificationAttempts, partnerErrorCode(error), actor);
      throw rejection(error, partnerErrorCode(error), row.verificationAttempts + 1);
    }
    // Saved before the key and the webhook: if those fail, a retry finishes without a code.
    const withChannel = await withTenant(organizationId, (tx) => tx.numberProvisioning.update({ where: { id: row.id }, data: { channelId: channel.id } }));
    return activateChannel({ organizationId, row: withChannel, channel, actor, partner, dialog360, now });
  });
}

async function recordFailure(organizationId: string, id: string, attempts: number, partnerCode: string | undefined, actor: ProvisioningActor): Promise<void> {
  if (partnerCode === "invalid_code" || partnerCode === "too_many_attempts") {
    await withTenant(organizationId, async (tx) => {
      const row = await tx.numberProvisioning.update({
        where: { id },
        data: { verificationAttempts: partnerCode === "too_many_attempts" ? MAX_CODE_ATTEMPTS : attempts + 1 },
      });
      await auditProvisioning(tx, row, actor, "code_rejected", { attempts: row.verificationAttempts, reason: partnerCode });
    });
  }
  if (partnerCode === "reservation_expired" || partnerCode === "reservation_not_found") {
    await withTenant(organizationId, async (tx) => {
      const row = await tx.numberProvisioning.update({
        where: { id },
        data: { ...CLEARED_RESERVATION, status: "NOT_STARTED", lastError: "La reserva del número venció antes de verificarlo: elegí un número de nuevo." },
      });
      await auditProvisioning(tx, row, actor, "reservation_expired", { reason: partnerCode });
    });
  }
}

function rejection(error: unknown, partnerCode: string | undefined, attempts: number): unknown {
  if (partnerCode === "invalid_code") {
    const left = MAX_CODE_ATTEMPTS - attempts;
    if (left <= 0) return new AppError("OTP_LOCKED", { message: LOCKED });
    const message = `El código no es correcto. Te ${left === 1 ? "queda 1 intento" : `quedan ${left} intentos`}.`;
    return new AppError("VALIDATION_FAILED", { message, fields: { code: message } });
  }
  return error;
}
