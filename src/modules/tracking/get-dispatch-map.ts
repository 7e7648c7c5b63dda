import type { Redis } from "ioredis";
import type { DispatchMapView } from "../../contracts/tracking";
import type { TenantTx } from "../../lib/db";
import { sharedRedis, whenRedisReady } from "../../lib/redis";
import { assertPlanFeature } from "../organizations/assert-plan-feature";
import { readLatestPositions } from "./latest-position";
import { technicianMapState } from "./technician-map-state";
import { trackingDay } from "./tracking-day";

// A day's map is for people, not exports: past this many jobs the rest is not drawn.
const MAX_JOBS = 5_000;

// GET /api/tracking/map. Positions come from Redis in one MGET for every technician; the day's jobs from Postgres in one
// query (today also brings the jobs en camino / en curso whatever their slot, and pending ones created today).
export async function getDispatchMap(
  tx: TenantTx,
  organizationId: string,
  input: { day?: string; now?: Date } = {},
  redis: Redis = sharedRedis(),
): Promise<DispatchMapView> {
  await assertPlanFeature(tx, organizationId, "dispatchMap");
  const now = input.now ?? new Date();
  const { day, start, end, isToday } = trackingDay(input.day, now);
  const technicians = await tx.user.findMany({ where: { isActive: true, role: "TECHNICIAN" }, select: { id: true, name: true, vehicle: true, vehiclePlate: true }, orderBy: { name: "asc" } });
  const active = await tx.job.findMany({
    where: { status: { in: ["en_camino", "working"] }, technicianId: { not: null } },
    select: { id: true, technicianId: true, status: true },
    orderBy: { updatedAt: "asc" },
  });
  const jobs = await tx.job.findMany({
    where: {
      OR: [
        { scheduledStart: { gte: start, lt: end } },
        ...(isToday ? [{ status: { in: ["en_camino" as const, "working" as const] } }, { status: "pending" as const, createdAt: { gte: start, lt: end } }] : []),
      ],
    },
    select: {
      id: true, number: true, status: true, serviceType: true, urgency: true, address: true, latitude: true, longitude: true, scheduledStart: true, technicianId: true,
      customer: { select: { name: true } },
    },
    orderBy: [{ scheduledStart: "asc" }, { number: "asc" }],
    take: MAX_JOBS,
  });
  await whenRedisReady(redis);
  const latest = await readLatestPositions(redis, organizationId, technicians.map((t) => t.id));
  // The newest active job wins if a technician somehow has two.
  const activeByTechnician = new Map(active.map((j) => [j.technicianId!, j]));
  return {
    day,
    generatedAt: now.toISOString(),
    technicians: technicians.map((t) => {
      const position = latest.get(t.id);
      const job = activeByTechnician.get(t.id);
      const state = technicianMapState(position, job?.status);
      return {
        id: t.id,
        name: t.name,
        vehicle: t.vehicle,
        plate: t.vehiclePlate,
        state,
        position: position ? { lat: position.lat, lng: position.lng, accuracy: position.accuracy, recordedAt: position.recordedAt } : null,
        activeJobId: job?.id ?? null,
        eta: state === "en_camino" && position?.jobId === job?.id ? position?.eta ?? null : null,
      };
    }),
    jobs: jobs.map((j) => ({
      id: j.id,
      number: j.number,
      status: j.status,
      serviceType: j.serviceType,
      urgency: j.urgency,
      address: j.address,
      location: j.latitude !== null && j.longitude !== null ? { lat: j.latitude, lng: j.longitude } : null,
      scheduledStart: j.scheduledStart?.toISOString() ?? null,
      technicianId: j.technicianId,
      customerName: j.customer.name,
    })),
  };
}
