import { randomInt } from "node:crypto";
import type { Redis } from "ioredis";
import { z } from "zod";
import { sendTwilioSms } from "../../integrations/twilio";
import { env } from "../../lib/env";
import { AppError } from "../../lib/errors";
import { logger } from "../../lib/logger";
import { normalizeArgentinePhone } from "../../lib/phone";
import { sharedRedis, whenRedisReady } from "../../lib/redis";
import { deleteSignupCode, hashSignupCode, isSignupCodeLocked, readSignupCode, saveSignupCode } from "./signup-code-store";
import { enforceSignupLimit, SIGNUP_CODE_TTL_MS } from "./signup-limits";

export const requestSignupCodeInputSchema = z.object({ phone: z.string().max(30), ip: z.string().min(1).max(100) });

export type SignupDeps = { redis?: Redis; now?: () => number };

const PHONE_INVALID = "Ingresá un celular argentino con código de área, por ejemplo 11 4000-0001.";

// Sends a 6-digit code by the platform's own SMS sender (no organization exists yet, so nothing can go through an
// organization's WhatsApp). Signing up is open to any phone, so the answer may say the code was sent.
export async function requestSignupCode(
  raw: z.input<typeof requestSignupCodeInputSchema>,
  deps: SignupDeps = {},
): Promise<{ phone: string; expiresAt: Date }> {
  const redis = deps.redis ?? sharedRedis();
  await whenRedisReady(redis);
  const now = deps.now?.() ?? Date.now();
  const input = requestSignupCodeInputSchema.parse(raw);
  const phone = normalizeArgentinePhone(input.phone);
  if (!phone) throw new AppError("INVALID_PHONE", { message: PHONE_INVALID, fields: { phone: PHONE_INVALID } });
  await enforceSignupLimit(redis, "codePerIp", input.ip, now);
  await enforceSignupLimit(redis, "codePerPhone", phone, now);

  // A locked code stays locked until it expires: asking again must not reset the attempt counter.
  const existing = await readSignupCode(redis, phone);
  if (existing && isSignupCodeLocked(existing, now)) throw new AppError("OTP_LOCKED");

  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const expiresAt = now + SIGNUP_CODE_TTL_MS;
  await saveSignupCode(redis, phone, hashSignupCode(phone, code), expiresAt, now);
  const sms = await sendTwilioSms({ to: phone, from: env.TWILIO_SMS_FROM, body: `${code} es tu código para crear tu cuenta en CampoTech. Vence en 10 minutos.` });
  if (!sms.ok) {
    // A code nobody received must not stay valid (nor count against the next request's attempts).
    await deleteSignupCode(redis, phone);
    logger.error({ err: sms.error.code }, "signup sms failed");
    throw new AppError("SERVICE_UNAVAILABLE", { message: "No pudimos mandarte el SMS. Probá de nuevo en unos minutos." });
  }
  return { phone, expiresAt: new Date(expiresAt) };
}
