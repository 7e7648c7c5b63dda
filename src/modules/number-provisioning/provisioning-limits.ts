import type { Redis } from "ioredis";
import { AppError } from "../../lib/errors";
import { acquireSlidingWindowSlot } from "../messaging/sliding-window-limit";

// Per-organization sliding windows on the provisioning endpoints (exact across processes, like auth-limits.ts):
// each step calls the partner, and codes cost an SMS.
export const PROVISIONING_LIMITS = {
  list: { limit: 60, windowMs: 10 * 60_000 },
  reserve: { limit: 10, windowMs: 10 * 60_000 },
  sendCode: { limit: 6, windowMs: 10 * 60_000 },
  verify: { limit: 20, windowMs: 10 * 60_000 },
  release: { limit: 10, windowMs: 10 * 60_000 },
} as const;

export async function enforceProvisioningLimit(redis: Redis, rule: keyof typeof PROVISIONING_LIMITS, organizationId: string, now: number = Date.now()): Promise<void> {
  const { limit, windowMs } = PROVISIONING_LIMITS[rule];
  const slot = await acquireSlidingWindowSlot(redis, {
    key: `provisioning:limit:${rule}:${organizationId}`,
    limit,
    windowMs,
    member: `${now}:${Math.random().toString(36).slice(2)}`,
    now,
  });
  if (!slot.allowed) throw new AppError("RATE_LIMITED", { message: "Demasiados intentos con tu número de WhatsApp: probá de nuevo en unos minutos.", detail: `provisioning ${rule} ${organizationId}` });
}
