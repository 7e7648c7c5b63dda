import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "../../lib/env";

// The customer's link to their invoice PDF (in the WhatsApp message and the template): signed, naming organization
// and invoice, valid for 180 days — the customer needs it for their records, not forever.
const VALID_MS = 180 * 86_400_000;
const SHAPE = /^([A-Za-z0-9_-]{1,512})\.([A-Za-z0-9_-]{43})$/;

function sign(body: string): string {
  return createHmac("sha256", `invoice-link:${env.JWT_SECRET}`).update(body).digest("base64url");
}

export function invoiceLinkToken(organizationId: string, invoiceId: string, now: number = Date.now()): string {
  const body = Buffer.from(JSON.stringify({ o: organizationId, i: invoiceId, e: now + VALID_MS })).toString("base64url");
  return `${body}.${sign(body)}`;
}

export function invoiceLink(organizationId: string, invoiceId: string, now?: number): string {
  return `${env.PUBLIC_BASE_URL.replace(/\/$/, "")}/api/public/invoices/${invoiceLinkToken(organizationId, invoiceId, now)}`;
}

export function verifyInvoiceLinkToken(token: string, now: number = Date.now()): { organizationId: string; invoiceId: string } | null {
  const match = SHAPE.exec(token);
  if (!match) return null;
  const [, body, signature] = match as unknown as [string, string, string];
  const expected = Buffer.from(sign(body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const { o, i, e } = JSON.parse(Buffer.from(body, "base64url").toString()) as { o?: unknown; i?: unknown; e?: unknown };
    if (typeof o !== "string" || typeof i !== "string" || typeof e !== "number" || e <= now) return null;
    return { organizationId: o, invoiceId: i };
  } catch {
    return null;
  }
}
