import type { Redis } from "ioredis";
import type { PublicTrackingView } from "../../contracts/tracking";
import { withTenant } from "../../lib/db";
import { env } from "../../lib/env";
import { sharedRedis, whenRedisReady } from "../../lib/redis";
import { verifyTrackingToken } from "../notifications/tracking-link";
import { effectiveTier } from "../organizations/effective-tier";
import { planFeatures } from "../organizations/features";
import { readLatestPositions } from "./latest-position";

export type PublicTrackingResult = { kind: "ok"; view: PublicTrackingView } | { kind: "expired" } | { kind: "not_found" };

const ENDED = new Set(["completed", "cancelled"]);
// How often the page asks again: live plans follow the marker, static ones only wait for the next step.
export const LIVE_POLL_SECONDS = 10;
export const STATIC_POLL_SECONDS = 60;

// GET /api/seguimiento/:token — what the customer's link shows. The signed token is the only credential, so the view
// is this job only: the business's name and numbers, the technician's first name, initial and vehicle, the steps, and
// while en camino (on plans with live tracking) the technician's latest position, the destination and the ETA. Never
// the technician's history or other jobs (the latest position is shown only if it was sent for this job). The link
// expires TRACKING_LINK_GRACE_HOURS after the visit ended.
export async function getPublicTracking(
  token: string,
  options: { now?: Date; graceHours?: number; redis?: Redis } = {},
): Promise<PublicTrackingResult> {
  const claims = verifyTrackingToken(token);
  if (!claims) return { kind: "not_found" };
  const now = options.now ?? new Date();
  const graceMs = (options.graceHours ?? env.TRACKING_LINK_GRACE_HOURS) * 3600_000;
  const found = await withTenant(claims.organizationId, async (tx) => {
    const job = await tx.job.findFirst({
      where: { id: claims.jobId },
      select: {
        id: true, number: true, status: true, serviceType: true, scheduledStart: true, scheduledEnd: true, updatedAt: true, latitude: true, longitude: true, technicianId: true,
        technician: { select: { name: true, vehicle: true, vehiclePlate: true } },
        organization: { select: { name: true, tier: true, trialEndsAt: true, settings: true } },
        transitions: { select: { to: true, at: true }, orderBy: { at: "asc" } },
      },
    });
    if (!job) return null;
    const account = await tx.whatsAppBusinessAccount.findFirst({
      where: { provisioningStatus: "ACTIVE" },
      select: { displayPhoneNumber: true },
      orderBy: { createdAt: "asc" },
    });
    return { job, whatsapp: account?.displayPhoneNumber ?? null };
  });
  if (!found) return { kind: "not_found" };
  const { job } = found;
  const ended = ENDED.has(job.status);
  if (ended) {
    const endedAt = job.transitions.findLast((t) => t.to === job.status)?.at ?? job.updatedAt;
    if (endedAt.getTime() + graceMs <= now.getTime()) return { kind: "expired" };
  }
  const features = planFeatures(effectiveTier(job.organization, now));
  const whatsappPhone = digits(found.whatsapp);
  const destination = job.latitude !== null && job.longitude !== null ? { lat: job.latitude, lng: job.longitude } : null;
  let live: PublicTrackingView["live"] = null;
  if (job.status === "en_camino" && features.liveTracking) {
    const redis = options.redis ?? sharedRedis();
    await whenRedisReady(redis);
    const latest = job.technicianId ? (await readLatestPositions(redis, claims.organizationId, [job.technicianId])).get(job.technicianId) : undefined;
    const current = latest?.jobId === job.id ? latest : undefined;
    live = {
      technician: current ? { lat: current.lat, lng: current.lng, recordedAt: current.recordedAt } : null,
      destination,
      eta: current?.eta ?? null,
    };
  }
  const name = job.technician?.name.trim() ?? "";
  const firstName = name.split(/\s+/)[0] ?? "";
  return {
    kind: "ok",
    view: {
      organization: { name: job.organization.name, whatsappPhone, callPhone: digits(contactPhone(job.organization.settings)) ?? whatsappPhone },
      number: job.number,
      status: job.status,
      serviceType: job.serviceType,
      scheduledStart: job.scheduledStart?.toISOString() ?? null,
      scheduledEnd: job.scheduledEnd?.toISOString() ?? null,
      technician: job.technician && firstName
        ? { firstName, initial: firstName.charAt(0).toLocaleUpperCase("es-AR"), vehicle: job.technician.vehicle, plate: job.technician.vehiclePlate }
        : null,
      steps: job.transitions.map((t) => ({ status: t.to, at: t.at.toISOString() })),
      live,
      liveTrackingEnabled: features.liveTracking,
      pollSeconds: ended ? 0 : features.liveTracking ? LIVE_POLL_SECONDS : STATIC_POLL_SECONDS,
    },
  };
}

// A phone the business chose to publish (Organization.settings.contactPhone), if any.
function contactPhone(settings: unknown): string | null {
  const value = (settings as { contactPhone?: unknown } | null)?.contactPhone;
  return typeof value === "string" ? value : null;
}

// E.164 digits only ("+54 9 11 …" → "54911…"), or null.
function digits(phone: string | null): string | null {
  const only = phone?.replace(/\D/g, "") ?? "";
  return only.length >= 8 ? only : null;
}
