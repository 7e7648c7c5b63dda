import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { env } from "../../lib/env";

// The OTP key is derived from JWT_SECRET (no extra secret to provision) with a distinct label, so an OTP hash can
// never be confused with, or help forge, a JWT signature.
const otpKey = createHmac("sha256", env.JWT_SECRET).update("campotech:otp-hash:v1").digest();

// Codes are short, so a bare sha256 would be reversed by trying all 10^6; the keyed HMAC is not, without the key.
export function hashOtp(phone: string, code: string): string {
  return createHmac("sha256", otpKey).update(`${phone}:${code}`).digest("hex");
}

export function otpMatches(storedHash: string, phone: string, code: string): boolean {
  const a = Buffer.from(storedHash, "hex");
  const b = Buffer.from(hashOtp(phone, code), "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}

// Refresh tokens carry 256 random bits: a plain sha256 is enough to make the stored value useless if leaked.
export function hashRefreshToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
