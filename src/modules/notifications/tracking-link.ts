import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "../../lib/env";

// The customer's "follow your technician" link. A signed token (not a stored row) is enough: it names the job and
// organization, can't be forged or enumerated, and needs no table while the jobs schema settles. It stops working
// TRACKING_LINK_GRACE_HOURS after the visit ends (getJobTracking).
function sign(body: string): string {
  return createHmac("sha256", `tracking:${env.JWT_SECRET}`).update(body).digest("base64url");
}

export function trackingToken(organizationId: string, jobId: string): string {
  const body = Buffer.from(JSON.stringify({ o: organizationId, j: jobId })).toString("base64url");
  return `${body}.${sign(body)}`;
}

export function trackingLink(organizationId: string, jobId: string): string {
  return `${env.PUBLIC_BASE_URL.replace(/\/$/, "")}/seguimiento/${trackingToken(organizationId, jobId)}`;
}

// Exactly "<base64url body>.<43-character base64url HMAC>": nothing before, after or in between is tolerated
// (a link with "/seguimiento/<token>.extra" must not render).
const TOKEN_SHAPE = /^([A-Za-z0-9_-]{1,512})\.([A-Za-z0-9_-]{43})$/;

export function verifyTrackingToken(token: string): { organizationId: string; jobId: string } | null {
  const match = TOKEN_SHAPE.exec(token);
  if (!match) return null;
  const [, body, signature] = match as unknown as [string, string, string];
  const expected = Buffer.from(sign(body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const { o, j } = JSON.parse(Buffer.from(body, "base64url").toString()) as { o?: unknown; j?: unknown };
    return typeof o === "string" && typeof j === "string" ? { organizationId: o, jobId: j } : null;
  } catch {
    return null;
  }
}
