import type { Redis } from "ioredis";
import { AppError } from "../../lib/errors";
import { acquireSlidingWindowSlot } from "../messaging/sliding-window-limit";

// Every signup code is an SMS the platform pays for, sent to a phone nobody has verified yet: requests are limited
// per IP and per phone (sliding windows, exact across processes, like the login limits in auth-limits.ts).
export const SIGNUP_CODE_TTL_MS = 10 * 60_000;
export const SIGNUP_CODE_MAX_ATTEMPTS = 5;
// The same verified phone may own at most this many organizations created by self-serve signup.
export const MAX_ORGANIZATIONS_PER_SIGNUP_PHONE = 3;
export const TRIAL_DAYS = 14;

export const SIGNUP_LIMITS = {
  codePerPhone: { limit: 3, windowMs: 10 * 60_000 },
  codePerIp: { limit: 5, windowMs: 60 * 60_000 },
  completePerIp: { limit: 30, windowMs: 10 * 60_000 },
} as const;

export async function enforceSignupLimit(redis: Redis, rule: keyof typeof SIGNUP_LIMITS, subject: string, now: number): Promise<void> {
  const { limit, windowMs } = SIGNUP_LIMITS[rule];
  const slot = await acquireSlidingWindowSlot(redis, {
    key: `signup:limit:${rule}:${subject}`,
    limit,
    windowMs,
    member: `${now}:${Math.random().toString(36).slice(2)}`,
    now,
  });
  if (!slot.allowed) throw new AppError("RATE_LIMITED", { detail: `${rule} ${subject}` });
}
