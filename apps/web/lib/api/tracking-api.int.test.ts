import { Redis } from "ioredis";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "@campotech/database/testing";
import { TRACKING_MAX_BATCH, type DispatchMapView, type PositionBatchResult, type PublicTrackingView } from "@campotech/core/contracts/tracking";
import { adminDb } from "@campotech/core/lib/db";
import { env } from "@campotech/core/lib/env";
import { sharedRedis, whenRedisReady } from "@campotech/core/lib/redis";
import { issueAccessToken } from "@campotech/core/modules/auth";
import { verifyAuditChain } from "@campotech/core/modules/audit";
import { trackingToken } from "@campotech/core/modules/notifications";
import { call, json } from "./api-test-kit";
import { transitionJobEndpoint, updateJobEndpoint } from "./endpoints/jobs";
import {
  getDispatchMapEndpoint,
  getTrackingSettingsEndpoint,
  ingestPositionsEndpoint,
  nearestTechniciansEndpoint,
  publicTrackingEndpoint,
  setJobLocationEndpoint,
  setTechnicianVehicleEndpoint,
  updateTrackingSettingsEndpoint,
} from "./endpoints/tracking";

// Live tracking through the route handlers on a real database and Redis; who may call what is the matrix's job.
const ORG = "ta-org";
const redis = new Redis(env.REDIS_URL);
const users = { "ta-owner": "OWNER", "ta-dispatcher": "DISPATCHER", "ta-tech": "TECHNICIAN", "ta-tech2": "TECHNICIAN" } as const;
type Who = keyof typeof users;
const as = (id: Who) => ({ authorization: `Bearer ${issueAccessToken({ id, organizationId: ORG, role: users[id] }).token}` });
const CONGRESO = { lat: -34.609833, lng: -58.392683 };
const OBELISCO = { lat: -34.603722, lng: -58.381592 };
const at = (secondsAgo: number) => new Date(Date.now() - secondsAgo * 1000).toISOString();
const post = (who: Who, positions: unknown[]) => call(ingestPositionsEndpoint, { headers: as(who), body: { positions } });

beforeEach(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  await redis.flushdb();
  await whenRedisReady(sharedRedis());
  const admin = adminDb();
  await admin.organization.create({ data: { id: ORG, name: "Gas del Oeste", cuit: "30712345671", tier: "PROFESIONAL" } });
  for (const [i, [id, role]] of Object.entries(users).entries()) {
    await admin.user.create({ data: { id, organizationId: ORG, phone: `+549114100000${i}`, name: id === "ta-tech" ? "Diego Ruiz" : id, role } });
  }
  await admin.customer.create({ data: { id: "ta-cust", organizationId: ORG, phone: "+5491155550000", name: "Ana" } });
  await admin.job.create({
    data: { id: "ta-job", organizationId: ORG, number: 1, customerId: "ta-cust", address: "Av. Entre Ríos 100", serviceType: "GAS", description: "Olor a gas", technicianId: "ta-tech",
      transitions: { create: { organizationId: ORG, to: "pending", actorType: "SYSTEM" } } },
  });
});
afterAll(async () => {
  await redis.quit();
});

async function putOnTheWay(): Promise<void> {
  await json(await call(setJobLocationEndpoint, { params: { id: "ta-job" }, headers: as("ta-dispatcher"), body: CONGRESO }), 200);
  await json(await call(transitionJobEndpoint, {
    params: { id: "ta-job" }, headers: as("ta-dispatcher"),
    body: { to: "scheduled", scheduledStart: new Date(Date.now() + 600_000).toISOString(), scheduledEnd: new Date(Date.now() + 4_200_000).toISOString(), technicianId: "ta-tech" },
  }), 200);
  await json(await call(transitionJobEndpoint, { params: { id: "ta-job" }, headers: as("ta-tech"), body: { to: "en_camino" } }), 200);
}

describe("POST /api/tracking/positions", () => {
  it("answers 409 with the Spanish reason until the job is en camino, then takes the batch and answers the ETA", async () => {
    const refused = await json<{ error: { code: string; message: string; fields?: Record<string, string> } }>(await post("ta-tech", [{ ...OBELISCO, recordedAt: at(60) }]), 409);
    expect(refused.error.message).toBe("No tenés un trabajo en camino ni en curso: no guardamos tu ubicación.");
    await putOnTheWay();
    const result = await json<PositionBatchResult>(await post("ta-tech", [{ ...OBELISCO, accuracy: 12, speed: 8.5, heading: 200, recordedAt: at(30) }, { ...OBELISCO, recordedAt: at(30) }]), 200);
    expect(result).toMatchObject({ accepted: 1, dropped: 1, jobId: "ta-job", eta: { source: "estimate", arriving: false }, arrival: { suggested: false, autoArrived: false } });
    expect(result.eta!.minutes).toBeGreaterThanOrEqual(1);
    // Another technician (no job on the way) is refused; the dispatcher too.
    expect((await post("ta-tech2", [{ ...OBELISCO, recordedAt: at(10) }])).status).toBe(409);
    // Finishing the visit ends tracking at once (the transition refreshes the cached active job).
    await json(await call(transitionJobEndpoint, { params: { id: "ta-job" }, headers: as("ta-tech"), body: { to: "working" } }), 200);
    expect((await post("ta-tech", [{ ...CONGRESO, recordedAt: at(5) }])).status).toBe(200);
    await json(await call(transitionJobEndpoint, { params: { id: "ta-job" }, headers: as("ta-tech"), body: { to: "completed" } }), 200);
    expect((await post("ta-tech", [{ ...CONGRESO, recordedAt: at(1) }])).status).toBe(409);
  });

  it("refuses out-of-range values (400) and oversized batches (413) with Spanish reasons", async () => {
    await putOnTheWay();
    const bad = await json<{ error: { code: string; fields: Record<string, string> } }>(await post("ta-tech", [{ lat: 95, lng: -58.4, recordedAt: at(1) }, { lat: -34.6, lng: -58.4, speed: 500, recordedAt: "ayer" }]), 400);
    expect(bad.error.fields).toMatchObject({ "positions.0.lat": "La latitud va de -90 a 90.", "positions.1.speed": "La velocidad va de 0 a 100 m/s." });
    expect(bad.error.fields["positions.1.recordedAt"]).toMatch(/ISO 8601/);
    const many = Array.from({ length: TRACKING_MAX_BATCH + 1 }, (_, i) => ({ ...OBELISCO, recordedAt: at(500 - i) }));
    const tooMany = await json<{ error: { code: string; message: string } }>(await post("ta-tech", many), 413);
    expect(tooMany.error.message).toBe(`Mandá como mucho ${TRACKING_MAX_BATCH} posiciones por pedido (llegaron ${TRACKING_MAX_BATCH + 1}).`);
    expect((await post("ta-tech", [])).status).toBe(400);
  });
});

describe("the dispatch map and assignment", () => {
  it("shows the moving technician and ranks free ones for a job; a PATCH with technicianId assigns", async () => {
    await putOnTheWay();
    await post("ta-tech", [{ ...OBELISCO, recordedAt: at(20) }]);
    const map = await json<DispatchMapView>(await call(getDispatchMapEndpoint, { headers: as("ta-dispatcher") }), 200);
    expect(map.technicians.find((t) => t.id === "ta-tech")).toMatchObject({ state: "en_camino", activeJobId: "ta-job", position: { lat: OBELISCO.lat, lng: OBELISCO.lng } });
    expect(map.jobs).toMatchObject([{ id: "ta-job", status: "en_camino", location: CONGRESO, customerName: "Ana" }]);
    const nearest = await json<{ technicians: unknown[]; location: unknown }>(await call(nearestTechniciansEndpoint, { params: { id: "ta-job" }, headers: as("ta-dispatcher") }), 200);
    // The only technician with a signal is busy with this very job.
    expect(nearest).toEqual({ jobId: "ta-job", location: CONGRESO, technicians: [] });
    const assigned = await json<{ technicianId: string }>(await call(updateJobEndpoint, { params: { id: "ta-job" }, headers: as("ta-dispatcher"), body: { technicianId: "ta-tech2" } }), 200);
    expect(assigned.technicianId).toBe("ta-tech2");
    // Reassigned: ta-tech has no active job any more, ta-tech2 does.
    expect((await post("ta-tech", [{ ...OBELISCO, recordedAt: at(10) }])).status).toBe(409);
    expect((await post("ta-tech2", [{ ...OBELISCO, recordedAt: at(10) }])).status).toBe(200);
  });

  it("is refused on INICIAL with the plan that includes it", async () => {
    await adminDb().organization.update({ where: { id: ORG }, data: { tier: "INICIAL" } });
    const refused = await json<{ error: { code: string; message: string } }>(await call(getDispatchMapEndpoint, { headers: as("ta-owner") }), 403);
    expect(refused.error).toEqual({ code: "PLAN_REQUIRED", message: "Mapa de despacho: está disponible desde el plan Profesional.", fields: { feature: "dispatchMap", requiredPlan: "PROFESIONAL" } });
  });

  it("lets only the assigned technician pin their own job (source TECHNICIAN)", async () => {
    const own = await json<{ source: string }>(await call(setJobLocationEndpoint, { params: { id: "ta-job" }, headers: as("ta-tech"), body: CONGRESO }), 200);
    expect(own.source).toBe("TECHNICIAN");
    expect((await call(setJobLocationEndpoint, { params: { id: "ta-job" }, headers: as("ta-tech2"), body: CONGRESO })).status).toBe(404);
    expect(await adminDb().job.findUniqueOrThrow({ where: { id: "ta-job" } })).toMatchObject({ latitude: CONGRESO.lat, longitude: CONGRESO.lng, locationSource: "TECHNICIAN" });
  });
});

describe("GET /api/seguimiento/{token}", () => {
  it("is public, uncached, live while en camino, and 404/410 for bad or expired links", async () => {
    await json(await call(setTechnicianVehicleEndpoint, { params: { id: "ta-tech" }, headers: as("ta-owner"), body: { vehicle: "Fiat Kangoo blanca", plate: "ab 123  cd" } }), 200);
    await putOnTheWay();
    await post("ta-tech", [{ ...OBELISCO, recordedAt: at(15) }]);
    const response = await call(publicTrackingEndpoint, { params: { token: trackingToken(ORG, "ta-job") } });
    expect(response.headers.get("cache-control")).toBe("no-store");
    const view = await json<PublicTrackingView>(response, 200);
    expect(view).toMatchObject({
      organization: { name: "Gas del Oeste" }, number: 1, status: "en_camino", liveTrackingEnabled: true, pollSeconds: 10,
      technician: { firstName: "Diego", initial: "D", vehicle: "Fiat Kangoo blanca", plate: "AB 123 CD" },
      live: { technician: { lat: OBELISCO.lat, lng: OBELISCO.lng }, destination: CONGRESO, eta: { arriving: false } },
    });
    expect(view.steps.map((s) => s.status)).toEqual(["pending", "scheduled", "en_camino"]);
    // The dispatch map carries it too (that is where the office edits it).
    const map = await json<DispatchMapView>(await call(getDispatchMapEndpoint, { headers: as("ta-dispatcher") }), 200);
    expect(map.technicians.find((t) => t.id === "ta-tech")).toMatchObject({ vehicle: "Fiat Kangoo blanca", plate: "AB 123 CD" });
    expect(map.technicians.find((t) => t.id === "ta-tech2")).toMatchObject({ vehicle: null, plate: null });

    const bad = await json<{ error: { message: string } }>(await call(publicTrackingEndpoint, { params: { token: "no-es-un-token" } }), 404);
    expect(bad.error.message).toMatch(/no es válido/);
    await json(await call(transitionJobEndpoint, { params: { id: "ta-job" }, headers: as("ta-dispatcher"), body: { to: "cancelled" } }), 200);
    await adminDb().jobTransition.updateMany({ where: { jobId: "ta-job", to: "cancelled" }, data: { at: new Date(Date.now() - (env.TRACKING_LINK_GRACE_HOURS + 1) * 3600_000) } });
    const gone = await json<{ error: { code: string; message: string } }>(await call(publicTrackingEndpoint, { params: { token: trackingToken(ORG, "ta-job") } }), 410);
    expect(gone.error).toMatchObject({ code: "GONE", message: expect.stringMatching(/venció/) });
  });
});

describe("/api/settings/tracking", () => {
  it("reads the defaults with the plan, saves changes (validated) and the next batch uses them", async () => {
    const defaults = await json(await call(getTrackingSettingsEndpoint, { headers: as("ta-owner") }), 200);
    expect(defaults).toEqual({ averageSpeedKmh: 25, urbanFactor: 1.4, arrivalRadiusMeters: 150, autoArrival: false, historyRetentionDays: 30, plan: { dispatchMap: true, liveTracking: true } });
    expect((await call(updateTrackingSettingsEndpoint, { headers: as("ta-owner"), body: { arrivalRadiusMeters: 5 } })).status).toBe(400);
    await putOnTheWay();
    // Cached for the hot path by the first batch…
    const far = await json<PositionBatchResult>(await post("ta-tech", [{ ...OBELISCO, recordedAt: at(30) }]), 200);
    expect(far.arrival.suggested).toBe(false);
    // …and dropped when the settings change: a 2 km radius puts the Obelisco "inside".
    const saved = await json(await call(updateTrackingSettingsEndpoint, { headers: as("ta-owner"), body: { arrivalRadiusMeters: 2_000, autoArrival: true } }), 200);
    expect(saved).toMatchObject({ arrivalRadiusMeters: 2_000, autoArrival: true, averageSpeedKmh: 25 });
    const inside = await json<PositionBatchResult>(await post("ta-tech", [{ ...OBELISCO, recordedAt: at(20) }]), 200);
    expect(inside).toMatchObject({ eta: { arriving: true }, arrival: { suggested: true, autoArrived: true } });
    expect((await adminDb().job.findUniqueOrThrow({ where: { id: "ta-job" } })).status).toBe("working");
    expect((await verifyAuditChain({ organizationId: ORG })).ok).toBe(true);
  });
});
