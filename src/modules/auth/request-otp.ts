import { randomInt } from "node:crypto";
import type { Redis } from "ioredis";
import { z } from "zod";
import { withTenant } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { logger } from "../../lib/logger";
import { normalizeArgentinePhone } from "../../lib/phone";
import { sharedRedis, whenRedisReady } from "../../lib/redis";
import { sendMessage } from "../messaging/send-message";
import { hashOtp } from "./auth-secrets";
import { enforceAuthLimit, OTP_TTL_MS } from "./auth-limits";
import { sendTwilioSms } from "../../integrations/twilio";
import { env } from "../../lib/env";
import { ensureStaffRecipient } from "./ensure-staff-recipient";
import { findUsersByPhone, type PhoneUser } from "./find-users-by-phone";
import { isLocked, readOtp, saveOtp } from "./otp-store";

export const requestOtpInputSchema = z.object({ phone: z.string().min(6).max(30), ip: z.string().min(1).max(100) });

export type AuthDeps = { redis?: Redis; now?: () => number; minDurationMs?: number };

// Every answer takes at least this long, so the time to answer does not tell a registered phone from an unknown one.
const MIN_DURATION_MS = 700;

// Sends a 6-digit code to the phone's WhatsApp (SMS fallback) when it belongs to an active user. The answer is the
// same whether or not it does; unknown phones get nothing sent. Rate limits apply before anything is looked up.
// Returns the sent message id for tests and logs only: callers must not expose it.
export async function requestOtp(raw: z.input<typeof requestOtpInputSchema>, deps: AuthDeps = {}): Promise<{ messageId: string | null }> {
  const started = Date.now();
  const redis = deps.redis ?? sharedRedis();
  // The shared connection fails fast and refuses commands until connected: a fresh process's first login waits.
  await whenRedisReady(redis);
  const now = deps.now?.() ?? Date.now();
  const input = requestOtpInputSchema.parse(raw);
  const phone = normalizeArgentinePhone(input.phone);
  if (!phone) throw new AppError("INVALID_PHONE");
  await enforceAuthLimit(redis, "requestPerIp", input.ip, now);
  await enforceAuthLimit(redis, "requestPerPhone", phone, now);

  let messageId: string | null = null;
  const users = await findUsersByPhone(phone);
  const existing = users.length ? await readOtp(redis, phone) : null;
  // A locked code stays locked until it expires: asking again must not reset the attempt counter.
  if (users.length && !(existing && isLocked(existing, now))) {
    const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
    await saveOtp(redis, phone, { hash: hashOtp(phone, code), expiresAt: now + OTP_TTL_MS }, now);
    messageId = await sendCode(users, phone, code, new Date(now), new Date(now + OTP_TTL_MS));
  }
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, (deps.minDurationMs ?? MIN_DURATION_MS) - (Date.now() - started))));
  return { messageId };
}

// Through the first organization that can send (tier allowance, a connected number); a failure is logged, never
// shown: the answer must stay the same.
// The message is stored redacted and sealed (purpose "authentication"): nobody can read the code back from it.
async function sendCode(users: PhoneUser[], phone: string, code: string, now: Date, expiresAt: Date): Promise<string | null> {
  for (const user of users) {
    try {
      const customerId = await withTenant(user.organizationId, (tx) => ensureStaffRecipient(tx, { ...user, phone }));
      const message = await sendMessage(
        {
          organizationId: user.organizationId,
          customerId,
          content: {
            type: "template",
            name: "otp_code",
            language: "es_AR",
            components: [
              { type: "body", parameters: [{ type: "text", text: code }] },
              { type: "button", subType: "url", index: 0, parameters: [{ type: "text", text: code }] },
            ],
          },
          purpose: "authentication",
          priority: "high",
          expiresAt,
        },
        now,
      );
      return message.id;
    } catch (error) {
      logger.warn({ organizationId: user.organizationId, userId: user.userId, err: (error as Error).message }, "otp send failed");
    }
  }
  // No organization could send it on WhatsApp (no connected number, template not approved yet): the platform's own
  // SMS sender still gets the user in.
  const sms = await sendTwilioSms({ to: phone, from: env.TWILIO_SMS_FROM, body: `${code} es tu código de CampoTech. Vence en 10 minutos.` });
  if (!sms.ok) logger.error({ err: sms.error.code }, "otp sms fallback failed");
  return null;
}
