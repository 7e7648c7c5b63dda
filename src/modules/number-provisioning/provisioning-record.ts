import type { Redis } from "ioredis";
import { createDialog360PartnerClient, type Dialog360PartnerClient } from "../../integrations/dialog360/partner-client";
import type { ClientConfig } from "../../integrations/whatsapp/types";
import type { TenantTx } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { formatPhoneForPeople } from "../../lib/phone";
import { sharedRedis } from "../../lib/redis";
import { acquireLock } from "../../lib/redis-lock";
import { appendAuditLog } from "../audit/append-audit-log";

// Shared by the number-provisioning use-cases: the limits, the dependencies (partner client, clock, Redis for the
// per-organization lock), the current row and the audit helper.

// The row and status types, derived from the client (@campotech/database does not re-export these models).
export type NumberProvisioning = NonNullable<Awaited<ReturnType<TenantTx["numberProvisioning"]["findFirst"]>>>;
export type NumberProvisioningStatus = NumberProvisioning["status"];

export const RESERVATION_TTL_MS = 5 * 60_000;
export const CODE_TTL_MS = 10 * 60_000;
export const MAX_CODE_ATTEMPTS = 5;
/** Resends after the first code; each resend is a new code with fresh attempts. */
export const MAX_RESENDS = 3;
export const RESEND_COOLDOWN_MS = 60_000;

export type ProvisioningActor = { type: "USER" | "OPERATOR" | "SYSTEM"; id?: string };

export type ProvisioningDeps = {
  partner?: Dialog360PartnerClient;
  /** The 360dialog Cloud API (/d360) the issued key talks to (webhook registration). */
  dialog360?: ClientConfig;
  now?: Date;
  redis?: Redis;
};

export function resolveDeps(deps: ProvisioningDeps = {}) {
  return { partner: deps.partner ?? createDialog360PartnerClient(), dialog360: deps.dialog360 ?? {}, now: deps.now ?? new Date(), redis: deps.redis ?? sharedRedis() };
}

/** The organization's current provisioning: its latest row (a released one stays as history; a new start makes a new row). */
export function currentProvisioning(tx: TenantTx, organizationId: string): Promise<NumberProvisioning | null> {
  return tx.numberProvisioning.findFirst({ where: { organizationId }, orderBy: { createdAt: "desc" } });
}

export const LIVE_RESERVATION: NumberProvisioningStatus[] = ["PENDING_NUMBER_SELECTION", "PENDING_VERIFICATION"];

export function hasLiveReservation(row: NumberProvisioning | null, now: Date): row is NumberProvisioning & { reservedUntil: Date } {
  return !!row && LIVE_RESERVATION.includes(row.status) && !!row.reservedUntil && row.reservedUntil.getTime() > now.getTime();
}

/** What a reset, an expiry or a new start clears. */
export const CLEARED_RESERVATION = {
  areaCode: null, poolNumberId: null, reservationId: null, channelId: null, phoneNumber: null, reservedUntil: null,
  verificationPhone: null, verificationSentAt: null, verificationExpiresAt: null, verificationAttempts: 0, resendCount: 0,
} as const;

// One provisioning step at a time per organization: two tabs reserving at once must not hold two numbers, and a
// verification must not race a release. Held across the partner calls (short), never inside a transaction.
export async function withProvisioningLock<T>(redis: Redis, organizationId: string, fn: () => Promise<T>): Promise<T> {
  const lock = await acquireLock(redis, `provisioning:lock:${organizationId}`, { ttlMs: 30_000, waitMs: 15_000 });
  if (!lock) throw new AppError("CONFLICT", { message: "Ya hay otro paso en curso para tu número: esperá unos segundos y probá de nuevo." });
  try {
    return await fn();
  } finally {
    await lock.release();
  }
}

export function auditProvisioning(
  tx: TenantTx,
  row: { id: string; organizationId: string },
  actor: ProvisioningActor,
  action: string,
  metadata: Record<string, string | number | boolean | null> = {},
): Promise<void> {
  return appendAuditLog(tx, {
    organizationId: row.organizationId, actorType: actor.type, actorId: actor.id ?? null, action: `provisioning.${action}`,
    entityType: "NumberProvisioning", entityId: row.id, metadata,
  });
}

/** "+541153000001" for storage from the partner's digits. */
export const e164 = (digits: string) => `+${digits.replace(/\D/g, "")}`;
export const forPeople = (phone: string | null) => (phone ? formatPhoneForPeople(phone) : null);

/** The owner's phone with only the last 4 digits visible ("•••• 0001"): enough to recognize, not to harvest. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return null;
  return `•••• ${phone.replace(/\D/g, "").slice(-4)}`;
}
