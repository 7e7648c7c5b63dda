import { z } from "zod";
import { withTenant } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { normalizeArgentinePhone } from "../../lib/phone";
import { sharedRedis, whenRedisReady } from "../../lib/redis";
import { appendAuditLog } from "../audit/append-audit-log";
import { OTP_MAX_ATTEMPTS } from "./auth-limits";
import { enforceAuthLimit } from "./auth-limits";
import { otpMatches } from "./auth-secrets";
import { findUsersByPhone, type PhoneUser } from "./find-users-by-phone";
import { issueSession, type Session } from "./issue-session";
import { consumeOtp, giveBackAttempt, readOtp, takeAttempt } from "./otp-store";
import type { AuthDeps } from "./request-otp";

export const verifyOtpInputSchema = z.object({
  phone: z.string().min(6).max(30),
  code: z.string().regex(/^\d{6}$/),
  ip: z.string().min(1).max(100),
  organizationId: z.string().min(1).optional(),
});

const INVALID = "El código no es válido o venció. Pedí uno nuevo.";

// Checks the code (each wrong one counts; after 5 the code is locked until it expires) and opens a session for
// the user in the chosen organization. A phone in several organizations must name one.
export async function verifyOtp(raw: z.input<typeof verifyOtpInputSchema>, deps: AuthDeps = {}): Promise<Session> {
  const redis = deps.redis ?? sharedRedis();
  // The shared connection fails fast and refuses commands until connected: a fresh process's first login waits.
  await whenRedisReady(redis);
  const now = deps.now?.() ?? Date.now();
  const input = verifyOtpInputSchema.parse(raw);
  const phone = normalizeArgentinePhone(input.phone);
  if (!phone) throw new AppError("INVALID_PHONE");
  await enforceAuthLimit(redis, "verifyPerIp", input.ip, now);

  const otp = await readOtp(redis, phone);
  if (!otp || otp.expiresAt <= now) throw new AppError("UNAUTHENTICATED", { message: INVALID });
  const attempt = await takeAttempt(redis, phone);
  if (attempt > OTP_MAX_ATTEMPTS) throw new AppError("OTP_LOCKED");
  const users = await findUsersByPhone(phone);
  if (!otpMatches(otp.hash, phone, input.code)) {
    await auditEach(users, "auth.login_failed", { attempt, ip: input.ip });
    throw new AppError(attempt >= OTP_MAX_ATTEMPTS ? "OTP_LOCKED" : "UNAUTHENTICATED", attempt >= OTP_MAX_ATTEMPTS ? {} : { message: INVALID });
  }

  const user = pickUser(users, input.organizationId);
  if (!user) {
    // The right code, but no organization chosen (or a wrong one): keep the code and the attempt for the retry.
    await giveBackAttempt(redis, phone);
    throw new AppError("VALIDATION_FAILED", {
      message: users.length ? "Tu teléfono está en varias organizaciones: elegí una." : INVALID,
      fields: { organizationId: users.map((u) => `${u.organizationId}:${u.organizationName}`).join(",") },
    });
  }
  if (!(await consumeOtp(redis, phone))) throw new AppError("UNAUTHENTICATED", { message: INVALID });
  return withTenant(user.organizationId, async (tx) => {
    const session = await issueSession(tx, { id: user.userId, organizationId: user.organizationId, role: user.role }, { now });
    await appendAuditLog(tx, { organizationId: user.organizationId, actorType: "USER", actorId: user.userId, action: "auth.login", entityType: "User", entityId: user.userId, metadata: { ip: input.ip } });
    return session;
  });
}

function pickUser(users: PhoneUser[], organizationId: string | undefined): PhoneUser | undefined {
  if (organizationId) return users.find((u) => u.organizationId === organizationId);
  return users.length === 1 ? users[0] : undefined;
}

async function auditEach(users: PhoneUser[], action: string, metadata: { attempt: number; ip: string }): Promise<void> {
  for (const user of users) {
    await withTenant(user.organizationId, (tx) =>
      appendAuditLog(tx, { organizationId: user.organizationId, actorType: "USER", actorId: user.userId, action, entityType: "User", entityId: user.userId, metadata }),
    );
  }
}
