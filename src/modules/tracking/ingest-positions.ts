import type { Redis } from "ioredis";
import { TRACKING_MAX_BATCH, type PositionBatchResult, type PositionInput } from "../../contracts/tracking";
import { AppError } from "../../lib/errors";
import { sharedRedis, whenRedisReady } from "../../lib/redis";
import { enqueue } from "../../workers/enqueue";
import { getActiveJob } from "./active-job-cache";
import { autoArrive } from "./auto-arrive";
import { claimNewPoints } from "./claim-new-points";
import { computeEta } from "./eta/compute-eta";
import { etaEstimatorFor, type EtaConfig } from "./eta/eta-estimator-for";
import { haversineMeters } from "./geo";
import { readLatestPositions, storeLatestPosition, type LatestPosition } from "./latest-position";
import { publishPositionEvent } from "./publish-position-event";
import { STORE_POSITIONS_JOB } from "./tracking-job-names";
import { getTrackingOrganization } from "./tracking-organization";

// A phone's clock may run a little ahead; more than this is a wrong clock, not a position from the future.
const MAX_CLOCK_SKEW_MS = 2 * 60_000;

export const NO_ACTIVE_JOB_MESSAGE = "No tenés un trabajo en camino ni en curso: no guardamos tu ubicación.";

export type IngestDeps = { redis?: Redis; now?: Date; eta?: EtaConfig };

type Point = { lat: number; lng: number; accuracy: number | null; speed: number | null; heading: number | null; recordedAt: string; at: number };

// POST /api/tracking/positions. The hot path touches Redis only (active job, plan and settings are cached there; a
// miss reads Postgres once): validate → active job or 409 (privacy: no job en camino / en curso, no tracking) → drop
// duplicates and late points against the newest one stored → latest position + ETA into Redis → history to the
// tracking.store-positions job → throttled dashboard event.
export async function ingestPositions(
  input: { organizationId: string; technicianId: string; positions: readonly PositionInput[] },
  deps: IngestDeps = {},
): Promise<PositionBatchResult> {
  if (input.positions.length > TRACKING_MAX_BATCH) {
    throw new AppError("PAYLOAD_TOO_LARGE", { message: `Mandá como mucho ${TRACKING_MAX_BATCH} posiciones por pedido (llegaron ${input.positions.length}).` });
  }
  if (!input.positions.length) throw new AppError("VALIDATION_FAILED", { message: "Mandá al menos una posición.", fields: { positions: "Vacío." } });
  const now = deps.now ?? new Date();
  const points = normalize(input.positions, now);

  const redis = deps.redis ?? sharedRedis();
  await whenRedisReady(redis);
  const [active, organization] = await Promise.all([
    getActiveJob(redis, input.organizationId, input.technicianId),
    getTrackingOrganization(redis, input.organizationId),
  ]);
  if (!active) throw new AppError("CONFLICT", { message: NO_ACTIVE_JOB_MESSAGE });

  // A phone that was offline sends what it recorded then; points from before this trip began (a previous visit that
  // ended while it had no signal) are not this job's route and are dropped, so the queue on the phone drains.
  const since = active.since ? Date.parse(active.since) - MAX_CLOCK_SKEW_MS : Number.NEGATIVE_INFINITY;
  const accepted = await claimNewPoints(redis, input.organizationId, input.technicianId, points.filter((p) => p.at >= since));
  const dropped = input.positions.length - accepted.length;
  const newest = accepted[accepted.length - 1];
  if (!newest) {
    // Nothing new: answer with what the last accepted batch computed.
    const last = (await readLatestPositions(redis, input.organizationId, [input.technicianId])).get(input.technicianId);
    const current = last?.jobId === active.jobId ? last : undefined;
    return { accepted: 0, dropped, jobId: active.jobId, eta: current?.eta ?? null, arrival: { suggested: current?.arrivalSuggested ?? false, autoArrived: false } };
  }

  const { settings } = organization;
  const eta = active.destination ? await computeEta(etaEstimatorFor(settings, deps.eta), newest, active.destination, settings, now) : null;
  const inside = active.destination !== null && haversineMeters(newest, active.destination) <= settings.arrivalRadiusMeters;
  const suggested = inside && active.status === "en_camino";
  const latest: LatestPosition = {
    lat: newest.lat, lng: newest.lng, accuracy: newest.accuracy, speed: newest.speed, heading: newest.heading, recordedAt: newest.recordedAt,
    jobId: active.jobId, jobStatus: active.status, eta, arrivalSuggested: suggested,
  };
  await storeLatestPosition(redis, input.organizationId, input.technicianId, latest);
  await enqueue(
    STORE_POSITIONS_JOB,
    { organizationId: input.organizationId, technicianId: input.technicianId, jobId: active.jobId, positions: accepted.map(({ at: _, ...p }) => p) },
    { jobId: `positions-${input.technicianId}-${accepted[0]!.at}-${newest.at}` },
  );
  const autoArrived = suggested && settings.autoArrival ? await autoArrive(redis, { organizationId: input.organizationId, jobId: active.jobId }) : false;
  await publishPositionEvent(redis, { organizationId: input.organizationId, technicianId: input.technicianId, latest, now });
  return { accepted: accepted.length, dropped, jobId: active.jobId, eta, arrival: { suggested, autoArrived } };
}

// Oldest first, one point per instant (the first one sent wins), clock checked.
function normalize(positions: readonly PositionInput[], now: Date): Point[] {
  const byTime = new Map<number, Point>();
  positions.forEach((p, i) => {
    const at = new Date(p.recordedAt).getTime();
    if (!Number.isFinite(at)) throw new AppError("VALIDATION_FAILED", { fields: { [`positions.${i}.recordedAt`]: "No es una fecha válida." } });
    if (at > now.getTime() + MAX_CLOCK_SKEW_MS) {
      throw new AppError("VALIDATION_FAILED", {
        message: "Hay posiciones con fecha en el futuro: revisá la fecha y hora del teléfono.",
        fields: { [`positions.${i}.recordedAt`]: "Más de 2 minutos en el futuro." },
      });
    }
    if (byTime.has(at)) return;
    byTime.set(at, { lat: p.lat, lng: p.lng, accuracy: p.accuracy ?? null, speed: p.speed ?? null, heading: p.heading ?? null, recordedAt: new Date(at).toISOString(), at });
  });
  return [...byTime.values()].sort((a, b) => a.at - b.at);
}
