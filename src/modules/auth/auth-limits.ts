import type { Redis } from "ioredis";
import { AppError } from "../../lib/errors";
import { acquireSlidingWindowSlot } from "../messaging/sliding-window-limit";

export const OTP_TTL_MS = 10 * 60_000;
export const OTP_MAX_ATTEMPTS = 5;
export const REFRESH_TTL_MS = 7 * 24 * 3600_000;

// Sliding windows (exact across processes): code requests per phone and per IP, verifications per IP.
export const AUTH_LIMITS = {
  requestPerPhone: { limit: 3, windowMs: 10 * 60_000 },
  requestPerIp: { limit: 10, windowMs: 10 * 60_000 },
  verifyPerIp: { limit: 30, windowMs: 10 * 60_000 },
} as const;

export async function enforceAuthLimit(
  redis: Redis,
  rule: keyof typeof AUTH_LIMITS,
  subject: string,
  now: number,
): Promise<void> {
  const { limit, windowMs } = AUTH_LIMITS[rule];
  const slot = await acquireSlidingWindowSlot(redis, {
    key: `auth:limit:${rule}:${subject}`,
    limit,
    windowMs,
    member: `${now}:${Math.random().toString(36).slice(2)}`,
    now,
  });
  if (!slot.allowed) throw new AppError("RATE_LIMITED", { detail: `${rule} ${subject}` });
}
