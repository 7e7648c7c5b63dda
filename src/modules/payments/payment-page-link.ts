import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "../../lib/env";

// The customer's "pagar" link (/pago/<token>): ours, stable, signed — it names the organization and the cobro, and
// leads to MercadoPago's checkout while the cobro is open. Used in WhatsApp messages, the reminder template's button
// and the invoice PDF's second QR.
const SHAPE = /^([A-Za-z0-9_-]{1,256})\.([A-Za-z0-9_-]{43})$/;
const sign = (body: string) => createHmac("sha256", `payment-link:${env.JWT_SECRET}`).update(body).digest("base64url");

export function paymentPageToken(organizationId: string, linkId: string): string {
  const body = Buffer.from(JSON.stringify({ o: organizationId, l: linkId })).toString("base64url");
  return `${body}.${sign(body)}`;
}

export function paymentPageUrl(organizationId: string, linkId: string): string {
  return `${env.PUBLIC_BASE_URL.replace(/\/$/, "")}/pago/${paymentPageToken(organizationId, linkId)}`;
}

export function verifyPaymentPageToken(token: string): { organizationId: string; linkId: string } | null {
  const match = SHAPE.exec(token);
  if (!match) return null;
  const [, body, signature] = match as unknown as [string, string, string];
  const expected = Buffer.from(sign(body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const { o, l } = JSON.parse(Buffer.from(body, "base64url").toString()) as { o?: unknown; l?: unknown };
    return typeof o === "string" && typeof l === "string" ? { organizationId: o, linkId: l } : null;
  } catch {
    return null;
  }
}
