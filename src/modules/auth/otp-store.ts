import type { Redis } from "ioredis";
import { OTP_MAX_ATTEMPTS } from "./auth-limits";

// One pending code per phone (all of that person's organizations), in Redis: short-lived state that needs atomic
// attempt counting and no tenant context. Only the HMAC of the code is stored.
export type StoredOtp = { hash: string; expiresAt: number; attempts: number };

const keyOf = (phone: string) => `auth:otp:${phone}`;

export async function readOtp(redis: Redis, phone: string): Promise<StoredOtp | null> {
  const raw = await redis.hgetall(keyOf(phone));
  if (!raw.hash) return null;
  return { hash: raw.hash, expiresAt: Number(raw.expiresAt), attempts: Number(raw.attempts ?? 0) };
}

export function isLocked(otp: StoredOtp, now: number): boolean {
  return otp.expiresAt > now && otp.attempts >= OTP_MAX_ATTEMPTS;
}

export async function saveOtp(redis: Redis, phone: string, otp: { hash: string; expiresAt: number }, now: number): Promise<void> {
  // Redis expiry only cleans up; validity is decided by expiresAt against the caller's clock.
  const ttlMs = Math.max(otp.expiresAt - now, 0) + 60_000;
  await redis.multi().del(keyOf(phone)).hset(keyOf(phone), { hash: otp.hash, expiresAt: otp.expiresAt, attempts: 0 }).pexpire(keyOf(phone), ttlMs).exec();
}

// Counts an attempt before the code is compared, so parallel guesses can never exceed the limit.
export async function takeAttempt(redis: Redis, phone: string): Promise<number> {
  return redis.hincrby(keyOf(phone), "attempts", 1);
}

export async function giveBackAttempt(redis: Redis, phone: string): Promise<void> {
  await redis.hincrby(keyOf(phone), "attempts", -1);
}

// Exactly one verification consumes a code (DEL answers 1 once).
export async function consumeOtp(redis: Redis, phone: string): Promise<boolean> {
  return (await redis.del(keyOf(phone))) === 1;
}
