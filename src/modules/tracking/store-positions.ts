import { withTenant } from "../../lib/db";
import type { StorePositionsPayload } from "./store-positions.schemas";
import { thinPositions } from "./thin-positions";

// The history writer (tracking.store-positions). Thins against the last point stored *before* this batch, so batches
// processed out of order or retried thin the same way; the unique (technicianId, recordedAt) makes a retry insert
// nothing twice.
export async function storePositions(payload: StorePositionsPayload): Promise<{ received: number; stored: number }> {
  const points = payload.positions
    .map((p) => ({ ...p, recordedAt: new Date(p.recordedAt) }))
    .sort((a, b) => a.recordedAt.getTime() - b.recordedAt.getTime());
  return withTenant(payload.organizationId, async (tx) => {
    const reference = await tx.technicianPosition.findFirst({
      where: { technicianId: payload.technicianId, recordedAt: { lt: points[0]!.recordedAt } },
      orderBy: { recordedAt: "desc" },
      select: { latitude: true, longitude: true, recordedAt: true },
    });
    const kept = thinPositions(reference ? { lat: reference.latitude, lng: reference.longitude, recordedAt: reference.recordedAt } : null, points);
    const written = await tx.technicianPosition.createMany({
      data: kept.map((p) => ({
        organizationId: payload.organizationId, technicianId: payload.technicianId, jobId: payload.jobId,
        latitude: p.lat, longitude: p.lng, accuracy: p.accuracy, speed: p.speed, heading: p.heading, recordedAt: p.recordedAt,
      })),
      skipDuplicates: true,
    });
    return { received: points.length, stored: written.count };
  });
}
