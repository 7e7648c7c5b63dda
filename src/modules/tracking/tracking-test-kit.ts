// Test-only helpers for live tracking: an organization with technicians and jobs on real Postgres, the tracking
// queue drained by running its handler, and points along a straight street.
import type { Tier } from "@campotech/database";
import type { PositionInput } from "../../contracts/tracking";
import { adminDb } from "../../lib/db";
import { env } from "../../lib/env";
import { getQueue } from "../../workers/queue-registry";
import { storePositions } from "./store-positions";
import { storePositionsSchema } from "./store-positions.schemas";
import { STORE_POSITIONS_JOB } from "./tracking-job-names";

export const sandboxUrl = () => `http://127.0.0.1:${env.SANDBOX_PORT}`;

// The Congreso: jobs sit here; technicians drive in from the Obelisco side (~1.2 km east).
export const DESTINATION = { lat: -34.609833, lng: -58.392683 };
export const START = { lat: -34.603722, lng: -58.381592 };

export async function seedTrackingOrg(id: string, options: { tier?: Tier; cuit?: string; settings?: Record<string, unknown> } = {}) {
  const admin = adminDb();
  await admin.organization.create({ data: { id, name: `Plomería ${id}`, cuit: options.cuit ?? "30712345671", tier: options.tier ?? "PROFESIONAL", settings: (options.settings ?? {}) as object } });
  const users = [
    ["owner", "OWNER", "Dueña Ejemplo"],
    ["dispatcher", "DISPATCHER", "Laura Despacho"],
    ["tech", "TECHNICIAN", "Diego Ruiz"],
    ["tech2", "TECHNICIAN", "Sofía Benítez"],
    ["tech3", "TECHNICIAN", "Marcos Paz"],
  ] as const;
  for (const [i, [suffix, role, name]] of users.entries()) {
    await admin.user.create({ data: { id: `${id}-${suffix}`, organizationId: id, phone: `+54911${id.length}${String(i).padStart(6, "0")}`, name, role } });
  }
  await admin.customer.create({ data: { id: `${id}-cust`, organizationId: id, phone: "+5491155550000", name: "Ana Cliente", city: "CABA" } });
  return { owner: `${id}-owner`, dispatcher: `${id}-dispatcher`, tech: `${id}-tech`, tech2: `${id}-tech2`, tech3: `${id}-tech3`, customer: `${id}-cust` };
}

let number = 0;
const TRIP_STARTED = () => new Date(Date.now() - 3 * 3600_000);
export async function jobRow(
  organizationId: string,
  input: { technicianId: string | null; status: "pending" | "scheduled" | "en_camino" | "working" | "completed" | "cancelled"; location?: { lat: number; lng: number } | null; address?: string; scheduledStart?: Date },
): Promise<string> {
  const admin = adminDb();
  const id = `${organizationId}-job-${++number}`;
  const start = input.scheduledStart ?? new Date(Date.now() + 3600_000);
  const location = input.location === undefined ? DESTINATION : input.location;
  await admin.job.create({
    data: {
      id, organizationId, number, customerId: `${organizationId}-cust`, address: input.address ?? "Av. Entre Ríos 100", serviceType: "PLUMBING", description: "Pérdida",
      status: input.status, technicianId: input.technicianId, scheduledStart: input.status === "pending" ? null : start, scheduledEnd: input.status === "pending" ? null : new Date(start.getTime() + 3600_000),
      ...(location ? { latitude: location.lat, longitude: location.lng, locationSource: "DASHBOARD" as const } : {}),
      // The trip began before the tests' points (they are recorded "minutes ago"): ingest drops points older than it.
      transitions: { create: [{ organizationId, to: "pending", actorType: "SYSTEM", at: TRIP_STARTED() }, ...(input.status !== "pending" ? [{ organizationId, from: "pending" as const, to: input.status, actorType: "SYSTEM" as const, at: TRIP_STARTED() }] : [])] },
    },
  });
  return id;
}

// n points from `from` towards `to`, `stepSeconds` apart, ending at `fraction` of the way.
export function pointsAlong(from: { lat: number; lng: number }, to: { lat: number; lng: number }, n: number, options: { start: Date; stepSeconds?: number; fraction?: number }): PositionInput[] {
  const step = options.stepSeconds ?? 30;
  const fraction = options.fraction ?? 1;
  return Array.from({ length: n }, (_, i) => {
    const f = n === 1 ? fraction : (i / (n - 1)) * fraction;
    return {
      lat: from.lat + (to.lat - from.lat) * f, lng: from.lng + (to.lng - from.lng) * f, accuracy: 8, speed: 7, heading: 240,
      recordedAt: new Date(options.start.getTime() + i * step * 1000).toISOString(),
    };
  });
}

// Runs every waiting tracking.store-positions job's handler, as the worker would; returns what they stored.
export async function drainStorePositions(): Promise<number> {
  const queue = getQueue("tracking");
  const jobs = (await queue.getJobs(["waiting", "delayed", "prioritized"])).filter((j) => j?.name === STORE_POSITIONS_JOB);
  let stored = 0;
  for (const job of jobs) {
    stored += (await storePositions(storePositionsSchema.parse(job.data))).stored;
    await job.remove();
  }
  return stored;
}
