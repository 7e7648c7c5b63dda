import type { Redis } from "ioredis";
import { hashOtp, otpMatches } from "../auth/auth-secrets";
import { SIGNUP_CODE_MAX_ATTEMPTS } from "./signup-limits";

// One pending signup code per phone, in Redis (no organization exists yet, so there is no tenant to keep it in).
// Only the HMAC is stored, under a "signup:" label so a signup code can never pass as a login code or the reverse.
// Once a signup completes, the record keeps the organization it created until the code expires: a double submit
// of the same code signs into that organization instead of creating a second one.
export type StoredSignupCode = { hash: string; expiresAt: number; attempts: number; claim: string | null; organizationId: string | null; ownerId: string | null };

const keyOf = (phone: string) => `signup:code:${phone}`;
const label = (phone: string) => `signup:${phone}`;

export const hashSignupCode = (phone: string, code: string) => hashOtp(label(phone), code);
export const signupCodeMatches = (stored: StoredSignupCode, phone: string, code: string) => otpMatches(stored.hash, label(phone), code);

export async function readSignupCode(redis: Redis, phone: string): Promise<StoredSignupCode | null> {
  const raw = await redis.hgetall(keyOf(phone));
  if (!raw.hash) return null;
  return {
    hash: raw.hash, expiresAt: Number(raw.expiresAt), attempts: Number(raw.attempts ?? 0),
    claim: raw.claim ?? null, organizationId: raw.organizationId ?? null, ownerId: raw.ownerId ?? null,
  };
}

export function isSignupCodeLocked(stored: StoredSignupCode, now: number): boolean {
  return stored.expiresAt > now && stored.attempts >= SIGNUP_CODE_MAX_ATTEMPTS;
}

export async function saveSignupCode(redis: Redis, phone: string, hash: string, expiresAt: number, now: number): Promise<void> {
  // Redis expiry only cleans up; validity is decided by expiresAt against the caller's clock.
  const ttlMs = Math.max(expiresAt - now, 0) + 60_000;
  await redis.multi().del(keyOf(phone)).hset(keyOf(phone), { hash, expiresAt, attempts: 0 }).pexpire(keyOf(phone), ttlMs).exec();
}

export async function deleteSignupCode(redis: Redis, phone: string): Promise<void> {
  await redis.del(keyOf(phone));
}

// Counted before comparing, so parallel guesses can never exceed the limit.
export async function takeSignupAttempt(redis: Redis, phone: string): Promise<number> {
  return redis.hincrby(keyOf(phone), "attempts", 1);
}

export async function giveBackSignupAttempt(redis: Redis, phone: string): Promise<void> {
  await redis.hincrby(keyOf(phone), "attempts", -1);
}

// Exactly one submit of a code creates the organization: HSETNX answers 1 once.
export async function claimSignupCode(redis: Redis, phone: string, token: string): Promise<boolean> {
  return (await redis.hsetnx(keyOf(phone), "claim", token)) === 1;
}

export async function releaseSignupClaim(redis: Redis, phone: string): Promise<void> {
  await redis.hdel(keyOf(phone), "claim");
}

export async function recordSignupDone(redis: Redis, phone: string, done: { organizationId: string; ownerId: string }): Promise<void> {
  await redis.hset(keyOf(phone), done);
}
