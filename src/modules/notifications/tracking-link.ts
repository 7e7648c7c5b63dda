import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "../../lib/env";

// The customer's "follow your technician" link. A signed token (not a stored row) is enough: it names the job and
// organization, can't be forged or enumerated, and needs no table while the jobs schema settles.
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

export function verifyTrackingToken(token: string): { organizationId: string; jobId: string } | null {
  const [body, signature] = token.split(".");
  if (!body || !signature) return null;
  const expected = Buffer.from(sign(body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const { o, j } = JSON.parse(Buffer.from(body, "base64url").toString()) as { o: string; j: string };
  return { organizationId: o, jobId: j };
}
