import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { z } from "zod";
import { withTenant } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { normalizeArgentinePhone } from "../../lib/phone";
import { sharedRedis, whenRedisReady } from "../../lib/redis";
import { appendAuditLog } from "../audit/append-audit-log";
import { issueSession, type Session } from "../auth/issue-session";
import { createSignupOrganization } from "./create-signup-organization";
import type { SignupDeps } from "./request-signup-code";
import {
  claimSignupCode, giveBackSignupAttempt, readSignupCode, recordSignupDone, releaseSignupClaim, signupCodeMatches, takeSignupAttempt, type StoredSignupCode,
} from "./signup-code-store";
import { parseSignupForm, type signupFormSchema } from "./signup-form";
import { enforceSignupLimit, SIGNUP_CODE_MAX_ATTEMPTS } from "./signup-limits";

export type SignupResult = { session: Session; organizationId: string; created: boolean };

const EXPIRED = "El código venció. Pedí uno nuevo.";
const MISSING = "No hay un código pendiente para este celular. Pedí uno nuevo.";
const LOCKED = "Ingresaste mal el código demasiadas veces. Pedí uno nuevo en unos minutos.";
// How long a second submit of the same code waits for the first one to finish creating the organization.
const WAIT_FOR_FIRST_MS = 10_000;

// Verifies the SMS code, creates the business with its owner and opens the owner's session. The form is validated
// before the code is looked at, so a typo in the CUIT does not cost an attempt; a right code whose form is refused
// (CUIT taken, too many accounts for the phone) gives the attempt back and stays usable.
// Idempotent: a second submit of a code that already created an organization signs into that organization.
export async function completeSignup(raw: z.input<typeof signupFormSchema> & { ip: string }, deps: SignupDeps & { pollMs?: number } = {}): Promise<SignupResult> {
  const redis = deps.redis ?? sharedRedis();
  await whenRedisReady(redis);
  const now = deps.now?.() ?? Date.now();
  const form = parseSignupForm(raw);
  const ip = String(raw.ip).slice(0, 100);
  const phone = normalizeArgentinePhone(form.phone);
  if (!phone) throw new AppError("INVALID_PHONE", { fields: { phone: "El celular no es válido." } });
  await enforceSignupLimit(redis, "completePerIp", ip, now);

  const stored = await checkCode(redis, phone, form.code, now);
  if (stored.organizationId && stored.ownerId) {
    await giveBackSignupAttempt(redis, phone);
    return { session: await openSession(stored.organizationId, stored.ownerId, now, ip), organizationId: stored.organizationId, created: false };
  }
  if (!(await claimSignupCode(redis, phone, randomUUID()))) {
    await giveBackSignupAttempt(redis, phone);
    const done = await waitForFirstSubmit(redis, phone, deps.pollMs ?? 100);
    return { session: await openSession(done.organizationId, done.ownerId, now, ip), organizationId: done.organizationId, created: false };
  }

  let created: Awaited<ReturnType<typeof createSignupOrganization>>;
  try {
    created = await createSignupOrganization(phone, form, { now, ip });
  } catch (error) {
    await releaseSignupClaim(redis, phone);
    await giveBackSignupAttempt(redis, phone);
    throw error;
  }
  await recordSignupDone(redis, phone, { organizationId: created.organization.id, ownerId: created.owner.id });
  return { session: await openSession(created.organization.id, created.owner.id, now, ip), organizationId: created.organization.id, created: true };
}

// Each comparison counts (taken before comparing); after the fifth wrong one the code is locked until it expires.
async function checkCode(redis: Redis, phone: string, code: string, now: number): Promise<StoredSignupCode> {
  const stored = await readSignupCode(redis, phone);
  if (!stored) throw new AppError("UNAUTHENTICATED", { message: MISSING, fields: { code: MISSING } });
  if (stored.expiresAt <= now) throw new AppError("UNAUTHENTICATED", { message: EXPIRED, fields: { code: EXPIRED } });
  const attempt = await takeSignupAttempt(redis, phone);
  if (attempt > SIGNUP_CODE_MAX_ATTEMPTS) throw new AppError("OTP_LOCKED", { message: LOCKED, fields: { code: LOCKED } });
  if (!signupCodeMatches(stored, phone, code)) {
    if (attempt >= SIGNUP_CODE_MAX_ATTEMPTS) throw new AppError("OTP_LOCKED", { message: LOCKED, fields: { code: LOCKED } });
    const left = SIGNUP_CODE_MAX_ATTEMPTS - attempt;
    const message = `El código no es correcto. Te ${left === 1 ? "queda 1 intento" : `quedan ${left} intentos`}.`;
    throw new AppError("UNAUTHENTICATED", { message, fields: { code: message } });
  }
  return stored;
}

async function waitForFirstSubmit(redis: Redis, phone: string, pollMs: number): Promise<{ organizationId: string; ownerId: string }> {
  const deadline = Date.now() + WAIT_FOR_FIRST_MS;
  for (;;) {
    const stored = await readSignupCode(redis, phone);
    if (stored?.organizationId && stored.ownerId) return { organizationId: stored.organizationId, ownerId: stored.ownerId };
    // The first submit failed (claim released) or is still running past the deadline: this one can't know the outcome.
    if (!stored?.claim || Date.now() > deadline) {
      throw new AppError("CONFLICT", { message: "Ya estamos procesando este código: esperá unos segundos y volvé a intentar." });
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

async function openSession(organizationId: string, ownerId: string, now: number, ip: string): Promise<Session> {
  return withTenant(organizationId, async (tx) => {
    const session = await issueSession(tx, { id: ownerId, organizationId, role: "OWNER" }, { now });
    await appendAuditLog(tx, { organizationId, actorType: "USER", actorId: ownerId, action: "auth.login", entityType: "User", entityId: ownerId, metadata: { ip, via: "signup" } });
    return session;
  });
}
