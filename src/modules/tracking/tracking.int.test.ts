import { Redis } from "ioredis";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "@campotech/database/testing";
import { TRACKING_MAX_BATCH } from "../../contracts/tracking";
import { adminDb, withTenant } from "../../lib/db";
import { env } from "../../lib/env";
import { sharedRedis, whenRedisReady } from "../../lib/redis";
import { getQueue } from "../../workers/queue-registry";
import { publishJobChanges } from "../jobs/publish-job-changes";
import { transitionJob } from "../jobs/transition-job";
import { updateJob } from "../jobs/update-job";
import { trackingLink, trackingToken } from "../notifications/tracking-link";
import { findNearestTechnicians } from "./find-nearest-technicians";
import { geocodeJobLocation } from "./geocode-job-location";
import { getDispatchMap } from "./get-dispatch-map";
import { getPublicTracking } from "./get-public-tracking";
import { getTechnicianRoute } from "./get-technician-route";
import { ingestPositions, NO_ACTIVE_JOB_MESSAGE } from "./ingest-positions";
import { haversineMeters } from "./geo";
import { readLatestPositions } from "./latest-position";
import { storePositions } from "./store-positions";
import { purgePositionHistory } from "./purge-position-history";
import { GEOCODE_JOB_JOB } from "./tracking-job-names";
import { trackingKeys } from "./tracking-keys";
import { DESTINATION, drainStorePositions, jobRow, pointsAlong, sandboxUrl, seedTrackingOrg, START } from "./tracking-test-kit";
import { updateTrackingSettings } from "./update-tracking-settings";

const ORG = "tk-org";
const redis = new Redis(env.REDIS_URL);
const off = { eta: { routingUrl: undefined } };
let ids: Awaited<ReturnType<typeof seedTrackingOrg>>;
const ingest = (technicianId: string, positions: Parameters<typeof ingestPositions>[0]["positions"], deps: Parameters<typeof ingestPositions>[1] = {}) =>
  ingestPositions({ organizationId: ORG, technicianId, positions }, { ...off, ...deps });
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

beforeEach(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  await redis.flushdb();
  await whenRedisReady(sharedRedis());
  ids = await seedTrackingOrg(ORG);
});
afterAll(async () => {
  await redis.quit();
});

describe("ingest", () => {
  it("refuses positions without a job en camino or en curso, and again once the job is completed", async () => {
    await expect(ingest(ids.tech, pointsAlong(START, DESTINATION, 2, { start: minutesAgo(2) }))).rejects.toMatchObject({ code: "CONFLICT", message: NO_ACTIVE_JOB_MESSAGE });
    await jobRow(ORG, { technicianId: ids.tech, status: "scheduled" });
    await expect(ingest(ids.tech, pointsAlong(START, DESTINATION, 2, { start: minutesAgo(2) }))).rejects.toMatchObject({ code: "CONFLICT" });

    const jobId = await jobRow(ORG, { technicianId: ids.tech, status: "en_camino" });
    // The refusals cached "no active job"; the row was written directly, so the job change path runs by hand here.
    await publishJobChanges({ events: [{ type: "job.status_changed", organizationId: ORG, jobId, number: 1, status: "en_camino", technicianId: ids.tech, at: new Date().toISOString() }] });
    const ok = await ingest(ids.tech, pointsAlong(START, DESTINATION, 3, { start: minutesAgo(3), fraction: 0.3 }));
    expect(ok).toMatchObject({ accepted: 3, dropped: 0, jobId, arrival: { suggested: false, autoArrived: false } });

    const actor = { organizationId: ORG, userId: ids.tech, role: "TECHNICIAN" as const };
    for (const to of ["working", "completed"] as const) {
      const moved = await withTenant(ORG, (tx) => transitionJob(tx, actor, jobId, { to }));
      await publishJobChanges(moved);
    }
    await expect(ingest(ids.tech, pointsAlong(START, DESTINATION, 1, { start: minutesAgo(0.5) }))).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("serves the active job from Redis: no Postgres on later batches, and a job change refreshes it", async () => {
    const jobId = await jobRow(ORG, { technicianId: ids.tech, status: "en_camino" });
    await ingest(ids.tech, pointsAlong(START, DESTINATION, 1, { start: minutesAgo(5) }));
    expect(JSON.parse((await redis.get(trackingKeys.active(ORG, ids.tech)))!)).toMatchObject({ jobId, status: "en_camino", destination: DESTINATION });
    // Cancelled straight in the database (no job change path): the cache still answers, proving the hot path does
    // not read Postgres…
    await adminDb().job.update({ where: { id: jobId }, data: { status: "cancelled" } });
    expect((await ingest(ids.tech, pointsAlong(START, DESTINATION, 1, { start: minutesAgo(4) }))).accepted).toBe(1);
    // …and the job change path drops it.
    await publishJobChanges({ events: [{ type: "job.status_changed", organizationId: ORG, jobId, number: 1, status: "cancelled", technicianId: ids.tech, at: new Date().toISOString() }] });
    await expect(ingest(ids.tech, pointsAlong(START, DESTINATION, 1, { start: minutesAgo(3) }))).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("drops duplicates and points older than the newest stored, and bounds the batch", async () => {
    await jobRow(ORG, { technicianId: ids.tech, status: "en_camino" });
    const batch = pointsAlong(START, DESTINATION, 4, { start: minutesAgo(10), fraction: 0.5 });
    expect(await ingest(ids.tech, [...batch, batch[1]!])).toMatchObject({ accepted: 4, dropped: 1 });
    // The same batch again, plus one older point and one newer.
    const older = { ...batch[0]!, recordedAt: minutesAgo(20).toISOString() };
    const newer = { ...batch[3]!, recordedAt: minutesAgo(1).toISOString() };
    expect(await ingest(ids.tech, [...batch, older, newer])).toMatchObject({ accepted: 1, dropped: 5 });
    const nothingNew = await ingest(ids.tech, [older]);
    expect(nothingNew).toMatchObject({ accepted: 0, dropped: 1 });
    expect(nothingNew.eta).not.toBeNull();

    const tooMany = pointsAlong(START, DESTINATION, TRACKING_MAX_BATCH + 1, { start: minutesAgo(60), stepSeconds: 1 });
    await expect(ingest(ids.tech, tooMany)).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE", status: 413 });
    const future = [{ ...batch[0]!, recordedAt: new Date(Date.now() + 10 * 60_000).toISOString() }];
    await expect(ingest(ids.tech, future)).rejects.toMatchObject({ code: "VALIDATION_FAILED", message: expect.stringMatching(/futuro/) });
  });

  it("drops points recorded before this trip began (a previous visit's, sent late by a phone that was offline)", async () => {
    const jobId = await jobRow(ORG, { technicianId: ids.tech, status: "scheduled" });
    await publishJobChanges(await withTenant(ORG, (tx) => transitionJob(tx, { organizationId: ORG, userId: ids.tech, role: "TECHNICIAN" }, jobId, { to: "en_camino" })));
    const stale = pointsAlong(START, DESTINATION, 3, { start: minutesAgo(40) });
    const fresh = pointsAlong(START, DESTINATION, 2, { start: minutesAgo(0.5), stepSeconds: 10, fraction: 0.2 });
    expect(await ingest(ids.tech, [...stale, ...fresh])).toMatchObject({ jobId, accepted: 2, dropped: 3 });
    // Only stale ones: answered (so the phone drops them) with nothing accepted, never a 409.
    expect(await ingest(ids.tech, stale)).toMatchObject({ accepted: 0, dropped: 3 });
  });

  it("keeps the latest position in Redis (GEO set + expiring last-seen key) and a thinned history in Postgres", async () => {
    const jobId = await jobRow(ORG, { technicianId: ids.tech, status: "en_camino" });
    // 20 points 5 s apart over ~1 km: about one every 60 m, so thinning keeps most but not all.
    const first = pointsAlong(START, DESTINATION, 10, { start: minutesAgo(10), stepSeconds: 5, fraction: 0.5 });
    const parked = Array.from({ length: 6 }, (_, i) => ({ ...first[9]!, recordedAt: new Date(new Date(first[9]!.recordedAt).getTime() + (i + 1) * 20_000).toISOString() }));
    await ingest(ids.tech, first);
    await ingest(ids.tech, parked);
    const latest = (await readLatestPositions(redis, ORG, [ids.tech])).get(ids.tech)!;
    expect(latest).toMatchObject({ jobId, jobStatus: "en_camino", recordedAt: parked[5]!.recordedAt });
    expect(await redis.ttl(trackingKeys.last(ORG, ids.tech))).toBeGreaterThan(env.TRACKING_SIGNAL_TTL_SECONDS - 5);
    const [[lng, lat]] = (await redis.geopos(trackingKeys.geo(ORG), ids.tech)) as [[string, string]];
    expect(Number(lat)).toBeCloseTo(latest.lat, 4);
    expect(Number(lng)).toBeCloseTo(latest.lng, 4);

    expect(await drainStorePositions()).toBeGreaterThan(0);
    const rows = await adminDb().technicianPosition.findMany({ where: { technicianId: ids.tech }, orderBy: { recordedAt: "asc" } });
    // Driving: ~130 m between points, all kept. Parked 2 minutes: one point per 60 s.
    expect(rows.length).toBe(10 + 2);
    expect(rows.every((r) => r.jobId === jobId && r.organizationId === ORG)).toBe(true);
    // Idempotent: the same batch stored again (a retried job) adds nothing.
    const again = await storePositions({ organizationId: ORG, technicianId: ids.tech, jobId, positions: first.map((p) => ({ ...p, accuracy: 8, speed: 7, heading: 240 })) });
    expect(again.stored).toBe(0);
    // The route of the day reads that history, oldest first, and names the job in progress.
    const route = await withTenant(ORG, (tx) => getTechnicianRoute(tx, ORG, ids.tech, {}));
    expect(route.points).toHaveLength(12);
    expect(route.points[0]!.recordedAt < route.points[11]!.recordedAt).toBe(true);
    expect(route.nextJob).toMatchObject({ id: jobId, location: DESTINATION });
  });

  it("purges history past the organization's retention", async () => {
    const jobId = await jobRow(ORG, { technicianId: ids.tech, status: "en_camino" });
    const old = new Date(Date.now() - 40 * 86_400_000);
    await adminDb().technicianPosition.createMany({
      data: [
        { organizationId: ORG, technicianId: ids.tech, jobId, latitude: -34.6, longitude: -58.4, recordedAt: old },
        { organizationId: ORG, technicianId: ids.tech, jobId, latitude: -34.6, longitude: -58.4, recordedAt: new Date(Date.now() - 2 * 86_400_000) },
      ],
    });
    await redis.geoadd(trackingKeys.geo(ORG), -58.4, -34.6, "ghost");
    expect(await purgePositionHistory(redis)).toMatchObject({ deleted: 1, geoMembersRemoved: 1 });
    await updateTrackingSettings(ORG, ids.owner, { historyRetentionDays: 1 });
    expect(await purgePositionHistory(redis)).toMatchObject({ deleted: 1 });
    expect(await adminDb().technicianPosition.count()).toBe(0);
  });
});

describe("ETA and arrival", () => {
  it("decreases as the technician approaches, says llegando inside the radius and suggests arrival", async () => {
    await jobRow(ORG, { technicianId: ids.tech, status: "en_camino" });
    const route = pointsAlong(START, DESTINATION, 5, { start: minutesAgo(10), stepSeconds: 60, fraction: 0.995 });
    const etas = [];
    for (const point of route) etas.push(await ingest(ids.tech, [point]));
    const distances = etas.map((r) => r.eta!.distanceMeters);
    expect(distances).toEqual([...distances].sort((a, b) => b - a));
    expect(etas[0]!.eta).toMatchObject({ source: "estimate", arriving: false });
    expect(etas[0]!.eta!.minutes).toBeGreaterThan(etas[3]!.eta!.minutes);
    expect(etas[4]).toMatchObject({ eta: { arriving: true }, arrival: { suggested: true, autoArrived: false } });
    expect(etas[3]!.arrival.suggested).toBe(false);
  });

  it("with auto-arrival moves the job to working once, as SYSTEM", async () => {
    await updateTrackingSettings(ORG, ids.owner, { autoArrival: true, arrivalRadiusMeters: 200 });
    const jobId = await jobRow(ORG, { technicianId: ids.tech, status: "en_camino" });
    const inside = pointsAlong(DESTINATION, DESTINATION, 3, { start: minutesAgo(3) });
    const first = await ingest(ids.tech, [inside[0]!]);
    expect(first.arrival).toEqual({ suggested: true, autoArrived: true });
    const second = await ingest(ids.tech, [inside[1]!]);
    expect(second.arrival.autoArrived).toBe(false);
    const transitions = await adminDb().jobTransition.findMany({ where: { jobId, to: "working" } });
    expect(transitions).toMatchObject([{ from: "en_camino", actorType: "SYSTEM", actorId: "tracking" }]);
    expect((await adminDb().job.findUniqueOrThrow({ where: { id: jobId } })).status).toBe("working");
  });

  it("uses the routing engine when configured, and the estimate when it is down", async () => {
    await jobRow(ORG, { technicianId: ids.tech, status: "en_camino" });
    const [a, b] = pointsAlong(START, DESTINATION, 2, { start: minutesAgo(2), fraction: 0.2 });
    const routed = await ingest(ids.tech, [a!], { eta: { routingUrl: `${sandboxUrl()}/osrm` } });
    expect(routed.eta).toMatchObject({ source: "routing" });
    // The sandbox's OSRM: straight line × 1.35 (the organization's own estimate would use 1.4).
    expect(routed.eta!.distanceMeters).toBeCloseTo(haversineMeters(a!, DESTINATION) * 1.35, -1);
    const dead = await ingest(ids.tech, [b!], { eta: { routingUrl: "http://127.0.0.1:9/osrm", timeoutMs: 500 } });
    expect(dead.eta).toMatchObject({ source: "estimate" });
    expect(dead.eta!.distanceMeters).toBeLessThan(routed.eta!.distanceMeters * (1.4 / 1.35));
  });
});

describe("geocoding", () => {
  it("geocodes a new job through the configured geocoder and never overwrites a manual pin", async () => {
    const jobId = await jobRow(ORG, { technicianId: null, status: "pending", location: null, address: "Av. Rivadavia 4520, 3° B" });
    expect(await geocodeJobLocation({ organizationId: ORG, jobId }, { geocoderUrl: undefined })).toMatchObject({ status: "skipped" });
    expect(await geocodeJobLocation({ organizationId: ORG, jobId }, { geocoderUrl: `${sandboxUrl()}/geo` })).toEqual({ status: "located" });
    const row = await adminDb().job.findUniqueOrThrow({ where: { id: jobId } });
    expect(row).toMatchObject({ latitude: -34.61538, longitude: -58.43402, locationSource: "GEOCODED" });
    expect(row.geocodedAt).toBeInstanceOf(Date);

    const pinned = await jobRow(ORG, { technicianId: null, status: "pending", address: "Gorriti 5120" });
    expect(await geocodeJobLocation({ organizationId: ORG, jobId: pinned }, { geocoderUrl: `${sandboxUrl()}/geo` })).toMatchObject({ status: "skipped" });
    const missing = await jobRow(ORG, { technicianId: null, status: "pending", location: null, address: "Calle Inexistente 1" });
    expect(await geocodeJobLocation({ organizationId: ORG, jobId: missing }, { geocoderUrl: `${sandboxUrl()}/geo` })).toMatchObject({ status: "not_found" });
    await expect(geocodeJobLocation({ organizationId: ORG, jobId: missing }, { geocoderUrl: "http://127.0.0.1:9/geo", timeoutMs: 500 })).rejects.toThrow(/geocoder unreachable/);
  });

  it("queues geocoding when an address changes (with a geocoder configured) and forgets stale coordinates", async () => {
    const jobId = await jobRow(ORG, { technicianId: ids.tech, status: "scheduled", location: null });
    await adminDb().job.update({ where: { id: jobId }, data: { latitude: 1, longitude: 1, locationSource: "GEOCODED" } });
    const actor = { organizationId: ORG, userId: ids.dispatcher, role: "DISPATCHER" as const };
    const previous = env.GEOCODER_URL;
    (env as { GEOCODER_URL?: string }).GEOCODER_URL = `${sandboxUrl()}/geo`;
    try {
      const result = await withTenant(ORG, (tx) => updateJob(tx, actor, jobId, { address: "Mitre 1234" }));
      await publishJobChanges(result);
    } finally {
      (env as { GEOCODER_URL?: string }).GEOCODER_URL = previous;
    }
    expect(await adminDb().job.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ latitude: null, longitude: null, locationSource: null });
    const queued = (await getQueue("tracking").getJobs(["waiting"])).filter((j) => j.name === GEOCODE_JOB_JOB);
    expect(queued.map((j) => j.data)).toEqual([{ organizationId: ORG, jobId }]);
  });
});

describe("read side", () => {
  it("ranks free technicians with a fresh position by ETA, leaving out busy and silent ones", async () => {
    const target = await jobRow(ORG, { technicianId: null, status: "pending" });
    const near = { lat: DESTINATION.lat + 0.004, lng: DESTINATION.lng };
    const far = { lat: DESTINATION.lat + 0.03, lng: DESTINATION.lng };
    // tech and tech2 finished a job a moment ago (their last position is fresh); tech3 is still on one.
    for (const [technicianId, where] of [[ids.tech, far], [ids.tech2, near], [ids.tech3, near]] as const) {
      const jobId = await jobRow(ORG, { technicianId, status: "en_camino" });
      await ingest(technicianId, [{ ...where, recordedAt: minutesAgo(1).toISOString() }]);
      if (technicianId !== ids.tech3) await adminDb().job.update({ where: { id: jobId }, data: { status: "completed" } });
    }
    const view = await withTenant(ORG, (tx) => findNearestTechnicians(tx, ORG, target, {}, { eta: { routingUrl: undefined } }));
    expect(view.location).toEqual(DESTINATION);
    expect(view.technicians.map((t) => t.id)).toEqual([ids.tech2, ids.tech]);
    expect(view.technicians[0]!.distanceMeters).toBeLessThan(view.technicians[1]!.distanceMeters);
    expect(view.technicians[0]).toMatchObject({ name: "Sofía Benítez", state: "libre", eta: { source: "estimate" } });
    // Signal lost: no last-seen key, not a candidate.
    await redis.del(trackingKeys.last(ORG, ids.tech2));
    expect((await withTenant(ORG, (tx) => findNearestTechnicians(tx, ORG, target, {}, { eta: { routingUrl: undefined } }))).technicians.map((t) => t.id)).toEqual([ids.tech]);
    const unplaced = await jobRow(ORG, { technicianId: null, status: "pending", location: null });
    expect(await withTenant(ORG, (tx) => findNearestTechnicians(tx, ORG, unplaced))).toEqual({ jobId: unplaced, location: null, technicians: [] });
  });

  it("draws the dispatch map from Redis positions and the day's jobs", async () => {
    const onTheWay = await jobRow(ORG, { technicianId: ids.tech, status: "en_camino" });
    await jobRow(ORG, { technicianId: ids.tech2, status: "working" });
    const later = await jobRow(ORG, { technicianId: ids.tech3, status: "scheduled", scheduledStart: new Date(Date.now() + 60_000) });
    await ingest(ids.tech, pointsAlong(START, DESTINATION, 1, { start: minutesAgo(1), fraction: 0.5 }));
    const map = await withTenant(ORG, (tx) => getDispatchMap(tx, ORG, {}));
    const byId = Object.fromEntries(map.technicians.map((t) => [t.id, t]));
    expect(byId[ids.tech]).toMatchObject({ state: "en_camino", activeJobId: onTheWay, eta: { arriving: false } });
    expect(byId[ids.tech]!.position).toMatchObject({ accuracy: 8 });
    expect(byId[ids.tech2]).toMatchObject({ state: "sin_senal", position: null, eta: null });
    expect(byId[ids.tech3]).toMatchObject({ state: "sin_senal", activeJobId: null });
    expect(map.jobs.map((j) => j.id)).toContain(later);
    expect(map.jobs.find((j) => j.id === onTheWay)).toMatchObject({ location: DESTINATION, customerName: "Ana Cliente" });
  });

  it("gates the map on the plan (INICIAL gets 403 with the reason)", async () => {
    await adminDb().organization.update({ where: { id: ORG }, data: { tier: "INICIAL" } });
    await expect(withTenant(ORG, (tx) => getDispatchMap(tx, ORG, {}))).rejects.toMatchObject({ code: "PLAN_REQUIRED", message: "Mapa de despacho: está disponible desde el plan Profesional.", fields: { feature: "dispatchMap", requiredPlan: "PROFESIONAL" } });
  });
});

describe("public tracking", () => {
  it("shows this job's latest position and ETA only while en camino, never another job's or the history", async () => {
    await adminDb().whatsAppBusinessAccount.create({
      data: { organizationId: ORG, bspProvider: "META_DIRECT", phoneNumberId: "pn-tk", displayPhoneNumber: "541152630000", credentialsEncrypted: "x", credentialsKeyId: "x", provisioningStatus: "ACTIVE" },
    });
    await adminDb().user.update({ where: { id: ids.tech }, data: { vehicle: "Fiat Kangoo blanca", vehiclePlate: "AB 123 CD" } });
    const other = await jobRow(ORG, { technicianId: ids.tech, status: "en_camino" });
    await ingest(ids.tech, pointsAlong(START, DESTINATION, 2, { start: minutesAgo(4), fraction: 0.4 }));
    await adminDb().job.update({ where: { id: other }, data: { status: "completed" } });
    const jobId = await jobRow(ORG, { technicianId: ids.tech, status: "en_camino" });
    await publishJobChanges({ events: [{ type: "job.status_changed", organizationId: ORG, jobId, number: 2, status: "en_camino", technicianId: ids.tech, at: new Date().toISOString() }] });

    // The last position in Redis was sent for the other job: not shown for this one.
    const before = await getPublicTracking(trackingToken(ORG, jobId));
    expect(before).toMatchObject({ kind: "ok", view: { live: { technician: null, destination: DESTINATION, eta: null }, liveTrackingEnabled: true, pollSeconds: 10 } });

    const live = pointsAlong(START, DESTINATION, 3, { start: minutesAgo(2), fraction: 0.6 });
    await ingest(ids.tech, live);
    const result = await getPublicTracking(trackingLink(ORG, jobId).split("/seguimiento/")[1]!);
    if (result.kind !== "ok") throw new Error(result.kind);
    const { view } = result;
    expect(view).toMatchObject({
      organization: { name: `Plomería ${ORG}`, whatsappPhone: "541152630000", callPhone: "541152630000" },
      status: "en_camino",
      technician: { firstName: "Diego", initial: "D", vehicle: "Fiat Kangoo blanca", plate: "AB 123 CD" },
      live: { destination: DESTINATION, eta: { arriving: false } },
    });
    expect(view.live!.technician).toEqual({ lat: live[2]!.lat, lng: live[2]!.lng, recordedAt: live[2]!.recordedAt });
    const text = JSON.stringify(view);
    expect(text).not.toContain(other);
    expect(text).not.toContain("Ruiz");
    expect(text).not.toContain("Av. Entre Ríos");
    expect(Object.keys(view.live!)).toEqual(["technician", "destination", "eta"]);
  });

  it("stops being live after en camino, stops polling once ended, and expires after the grace period", async () => {
    const jobId = await jobRow(ORG, { technicianId: ids.tech, status: "working" });
    const working = await getPublicTracking(trackingToken(ORG, jobId));
    expect(working).toMatchObject({ kind: "ok", view: { live: null, pollSeconds: 10 } });
    await adminDb().job.update({ where: { id: jobId }, data: { status: "completed" } });
    await adminDb().jobTransition.create({ data: { organizationId: ORG, jobId, from: "working", to: "completed", actorType: "SYSTEM", at: new Date(Date.now() - 3600_000) } });
    expect(await getPublicTracking(trackingToken(ORG, jobId))).toMatchObject({ kind: "ok", view: { pollSeconds: 0, live: null } });
    expect(await getPublicTracking(trackingToken(ORG, jobId), { graceHours: 1 })).toEqual({ kind: "expired" });
    expect(await getPublicTracking(`${trackingToken(ORG, jobId)}x`)).toEqual({ kind: "not_found" });
  });

  it("is static on plans without live tracking (INICIAL): no live data", async () => {
    await adminDb().organization.update({ where: { id: ORG }, data: { tier: "INICIAL" } });
    const jobId = await jobRow(ORG, { technicianId: ids.tech, status: "en_camino" });
    await ingest(ids.tech, pointsAlong(START, DESTINATION, 1, { start: minutesAgo(1) }));
    expect(await getPublicTracking(trackingToken(ORG, jobId))).toMatchObject({ kind: "ok", view: { live: null, liveTrackingEnabled: false, pollSeconds: 60 } });
  });
});
