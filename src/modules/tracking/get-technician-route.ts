import type { TechnicianRouteView } from "../../contracts/tracking";
import type { TenantTx } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { assertPlanFeature } from "../organizations/assert-plan-feature";
import { trackingDay } from "./tracking-day";

const MAX_POINTS = 5_000;

// GET /api/tracking/technicians/:id/route: the thinned history of that Buenos Aires day, oldest first, and what the
// technician does next (the job en camino / en curso, else the next scheduled one).
export async function getTechnicianRoute(
  tx: TenantTx,
  organizationId: string,
  technicianId: string,
  input: { day?: string; now?: Date } = {},
): Promise<TechnicianRouteView> {
  await assertPlanFeature(tx, organizationId, "dispatchMap");
  const now = input.now ?? new Date();
  const { day, start, end } = trackingDay(input.day, now);
  const technician = await tx.user.findFirst({ where: { id: technicianId, role: "TECHNICIAN" }, select: { id: true } });
  if (!technician) throw new AppError("NOT_FOUND", { message: "No encontramos ese técnico." });
  const points = await tx.technicianPosition.findMany({
    where: { technicianId, recordedAt: { gte: start, lt: end } },
    select: { latitude: true, longitude: true, recordedAt: true },
    orderBy: { recordedAt: "asc" },
    take: MAX_POINTS,
  });
  const select = { id: true, number: true, address: true, latitude: true, longitude: true, scheduledStart: true } as const;
  const next =
    (await tx.job.findFirst({ where: { technicianId, status: { in: ["en_camino", "working"] } }, select, orderBy: { updatedAt: "desc" } })) ??
    (await tx.job.findFirst({ where: { technicianId, status: "scheduled", scheduledEnd: { gte: now } }, select, orderBy: { scheduledStart: "asc" } }));
  return {
    technicianId,
    day,
    points: points.map((p) => ({ lat: p.latitude, lng: p.longitude, recordedAt: p.recordedAt.toISOString() })),
    nextJob: next
      ? {
          id: next.id, number: next.number, address: next.address,
          location: next.latitude !== null && next.longitude !== null ? { lat: next.latitude, lng: next.longitude } : null,
          scheduledStart: next.scheduledStart?.toISOString() ?? null,
        }
      : null,
  };
}
