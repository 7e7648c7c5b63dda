import { createHash, randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "@campotech/database/testing";
import type { SyncJob, SyncMutation, SyncMutationResult, SyncPullResponse, SyncPushResponse, SyncUploadResponse } from "@campotech/core/contracts/sync";
import { adminDb, withTenant } from "@campotech/core/lib/db";
import { env } from "@campotech/core/lib/env";
import { sharedRedis, whenRedisReady } from "@campotech/core/lib/redis";
import { issueAccessToken } from "@campotech/core/modules/auth";
import { verifyAuditChain } from "@campotech/core/modules/audit";
import { createFetchTransport, createMemoryStorage, createSyncEngine } from "@campotech/core/sync-engine/index";
import { BASE_URL, call, json } from "./api-test-kit";
import type { Endpoint } from "./define-endpoint";
import { updateJobEndpoint } from "./endpoints/jobs";
import { syncPullEndpoint, syncPushEndpoint, syncUploadEndpoint } from "./endpoints/sync";
import { toRouteHandler } from "./to-route-handler";

// The technician app's sync through the route handlers on a real database and Redis: scope and RLS, the cursor under
// concurrent commits, idempotent pushes, the state machine's Spanish refusals, conflicts, uploads by hash, and the
// engine itself (its fetch transport routed into the handlers) going offline and coming back.
const ORG = "sy-org";
const OTHER_ORG = "sy-org2";
const redis = new Redis(env.REDIS_URL);
const users = { "sy-owner": "OWNER", "sy-dispatcher": "DISPATCHER", "sy-tech": "TECHNICIAN", "sy-tech2": "TECHNICIAN" } as const;
type Who = keyof typeof users | "sy-other-tech";
const tokenOf = (id: Who) => (id === "sy-other-tech" ? issueAccessToken({ id, organizationId: OTHER_ORG, role: "TECHNICIAN" }) : issueAccessToken({ id, organizationId: ORG, role: users[id] })).token;
const as = (id: Who) => ({ authorization: `Bearer ${tokenOf(id)}` });
const HOUR = 3_600_000;
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]);
const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

let jobNumber = 0;
async function newJob(input: { id: string; org?: string; technicianId: string | null; status?: "scheduled" | "en_camino" | "working"; startsIn?: number; customerId?: string }) {
  const start = new Date(Date.now() + (input.startsIn ?? 2 * HOUR));
  await adminDb().job.create({
    data: {
      id: input.id, organizationId: input.org ?? ORG, number: ++jobNumber, customerId: input.customerId ?? "sy-cust", address: "Av. Rivadavia 5000", serviceType: "PLUMBING",
      description: "Pérdida bajo la mesada", status: input.status ?? "scheduled", technicianId: input.technicianId, scheduledStart: start, scheduledEnd: new Date(start.getTime() + HOUR),
      transitions: { create: { organizationId: input.org ?? ORG, to: "scheduled", actorType: "SYSTEM" } },
    },
  });
  return input.id;
}

beforeEach(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  await redis.flushdb();
  await whenRedisReady(sharedRedis());
  const admin = adminDb();
  await admin.organization.create({ data: { id: ORG, name: "Plomería Sur", cuit: "30712345671", tier: "PROFESIONAL" } });
  await admin.organization.create({ data: { id: OTHER_ORG, name: "Gas Norte", cuit: "20267565393", tier: "PROFESIONAL" } });
  for (const [i, [id, role]] of Object.entries(users).entries()) {
    await admin.user.create({ data: { id, organizationId: ORG, phone: `+549114200000${i}`, name: id, role } });
  }
  await admin.user.create({ data: { id: "sy-other-tech", organizationId: OTHER_ORG, phone: "+5491142000009", name: "Otro", role: "TECHNICIAN" } });
  await admin.customer.create({ data: { id: "sy-cust", organizationId: ORG, phone: "+5491155551111", name: "Marta Gómez", address: "Av. Rivadavia 5000" } });
  await admin.customer.create({ data: { id: "sy-cust2", organizationId: OTHER_ORG, phone: "+5491155552222", name: "Cliente Norte" } });
  await admin.priceListItem.create({ data: { id: "sy-price", organizationId: ORG, code: "VISITA", name: "Visita técnica", serviceType: "GENERAL", priceCents: 1_500_000 } });
});
afterAll(async () => {
  await redis.quit();
});

const pull = async (who: Who, cursor?: string, limit?: number) =>
  json<SyncPullResponse>(await call(syncPullEndpoint, { headers: as(who), query: { ...(cursor ? { cursor } : {}), ...(limit ? { limit: String(limit) } : {}) } }), 200);

// The cursor hands out only changes older than every write transaction still running anywhere on the server
// (src/modules/sync/pull-changes.ts: transaction ids are server-wide). npm test runs another shard against another
// database on the same server, whose in-flight transactions hold that horizon back for a moment: a change is then
// delivered a pull later (never lost), and "exactly these changes in this pull" would depend on the other shard.
// Before a pull, wait until every transaction older than now has finished — a quiet server, which is what these
// assertions are about. (The out-of-order test below holds its own transaction open and pulls without waiting.)
async function settled() {
  const [{ xid }] = (await adminDb().$queryRaw<{ xid: string }[]>`SELECT pg_current_xact_id()::text AS xid`) as [{ xid: string }];
  for (let i = 0; i < 300; i++) {
    const [{ xmin }] = (await adminDb().$queryRaw<{ xmin: string }[]>`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin`) as [{ xmin: string }];
    if (BigInt(xmin) > BigInt(xid)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

// Every page until hasMore is false: the jobs (last version wins), the tombstones and the cursor to keep.
async function pullAll(who: Who, cursor?: string, limit?: number, options: { settle?: boolean } = {}) {
  if (options.settle !== false) await settled();
  const jobs = new Map<string, SyncJob>();
  const removed: string[] = [];
  let next = cursor;
  let pages = 0;
  for (;;) {
    const page = await pull(who, next, limit);
    pages += 1;
    for (const job of page.jobs) jobs.set(job.id, job);
    removed.push(...page.removed.map((r) => `${r.jobId}:${r.reason}`));
    next = page.cursor;
    if (!page.hasMore) return { jobs, removed, cursor: next, pages, priceList: page.priceList };
  }
}

const mutation = <T extends SyncMutation["type"]>(type: T, jobId: string, rest: Record<string, unknown> = {}) =>
  ({ mutationId: randomUUID(), createdAt: new Date().toISOString(), jobId, type, ...rest }) as Extract<SyncMutation, { type: T }>;
const push = async (who: Who, mutations: SyncMutation[]) => (await json<SyncPushResponse>(await call(syncPushEndpoint, { headers: as(who), body: { mutations } }), 200)).results;
const upload = (who: Who, bytes: Uint8Array, type: string, hash = sha(bytes)) =>
  call(syncUploadEndpoint, { params: { sha256: hash }, headers: { ...as(who), "content-type": type }, body: bytes });

describe("GET /api/sync/pull", () => {
  it("brings only the technician's own jobs in the window, never another technician's or organization's", async () => {
    await newJob({ id: "sy-today", technicianId: "sy-tech" });
    await newJob({ id: "sy-later", technicianId: "sy-tech", startsIn: 6 * 24 * HOUR });
    await newJob({ id: "sy-far", technicianId: "sy-tech", startsIn: 10 * 24 * HOUR });
    await newJob({ id: "sy-late-working", technicianId: "sy-tech", status: "working", startsIn: -20 * 24 * HOUR });
    await newJob({ id: "sy-theirs", technicianId: "sy-tech2" });
    await newJob({ id: "sy-unassigned", technicianId: null });
    await newJob({ id: "sy-other-org", org: OTHER_ORG, technicianId: "sy-other-tech", customerId: "sy-cust2" });

    const first = await pullAll("sy-tech");
    expect([...first.jobs.keys()].sort()).toEqual(["sy-late-working", "sy-later", "sy-today"]);
    expect(first.priceList).toBeNull(); // sent on the reset's first page, not the last
    const today = first.jobs.get("sy-today")!;
    expect(today).toMatchObject({ status: "scheduled", allowedTransitions: ["en_camino"], customer: { name: "Marta Gómez", phone: "+5491155551111" }, notes: "", workedMinutes: 0 });
    const page = await pull("sy-tech");
    expect(page.reset).toBe(true);
    expect(page.priceList).toMatchObject([{ id: "sy-price", name: "Visita técnica", priceCents: 1_500_000 }]);

    expect([...(await pullAll("sy-tech2")).jobs.keys()]).toEqual(["sy-theirs"]);
    expect([...(await pullAll("sy-other-tech")).jobs.keys()]).toEqual(["sy-other-org"]);
    // The office, through the app, also gets what is assigned to them (nothing here), not the whole organization.
    expect((await pullAll("sy-owner")).jobs.size).toBe(0);

    // Nothing changed: an empty incremental pull.
    const quiet = await pullAll("sy-tech", first.cursor);
    expect(quiet).toMatchObject({ removed: [], pages: 1 });
    expect(quiet.jobs.size).toBe(0);
  });

  it("turns a reassigned, deleted or rescheduled-away job into a tombstone and delivers what moved in", async () => {
    await newJob({ id: "sy-a", technicianId: "sy-tech" });
    await newJob({ id: "sy-b", technicianId: "sy-tech" });
    await newJob({ id: "sy-c", technicianId: "sy-tech" });
    await newJob({ id: "sy-d", technicianId: "sy-tech", startsIn: 12 * 24 * HOUR });
    const { cursor } = await pullAll("sy-tech");
    const tech2Cursor = (await pullAll("sy-tech2")).cursor;

    await json(await call(updateJobEndpoint, { params: { id: "sy-a" }, headers: as("sy-dispatcher"), body: { technicianId: "sy-tech2" } }), 200);
    await adminDb().job.delete({ where: { id: "sy-b" } });
    const away = new Date(Date.now() + 20 * 24 * HOUR);
    await json(await call(updateJobEndpoint, { params: { id: "sy-c" }, headers: as("sy-dispatcher"), body: { scheduledStart: away.toISOString(), scheduledEnd: new Date(away.getTime() + HOUR).toISOString() } }), 200);
    const near = new Date(Date.now() + 3 * HOUR);
    await json(await call(updateJobEndpoint, { params: { id: "sy-d" }, headers: as("sy-dispatcher"), body: { scheduledStart: near.toISOString(), scheduledEnd: new Date(near.getTime() + HOUR).toISOString() } }), 200);
    await adminDb().customer.update({ where: { id: "sy-cust" }, data: { phone: "+5491155553333" } });

    const changes = await pullAll("sy-tech", cursor);
    expect(changes.removed.sort()).toEqual(["sy-a:reassigned", "sy-b:deleted", "sy-c:out_of_window"]);
    expect([...changes.jobs.keys()]).toEqual(["sy-d"]);
    expect(changes.jobs.get("sy-d")!.customer.phone).toBe("+5491155553333");
    expect([...(await pullAll("sy-tech2", tech2Cursor)).jobs.keys()]).toEqual(["sy-a"]);
  });

  it("pages a full pull and an incremental one without losing a job", async () => {
    for (let i = 0; i < 7; i++) await newJob({ id: `sy-p${i}`, technicianId: "sy-tech", startsIn: (i + 1) * HOUR });
    const cold = await pullAll("sy-tech", undefined, 3);
    expect(cold.jobs.size).toBe(7);
    expect(cold.pages).toBe(4); // 3 + 3 + 1, then the hand-over to changes
    for (let i = 0; i < 7; i++) await adminDb().job.update({ where: { id: `sy-p${i}` }, data: { notes: `nota ${i}` } });
    const warm = await pullAll("sy-tech", cold.cursor, 3);
    expect([...warm.jobs.values()].map((j) => j.notes).sort()).toEqual(["nota 0", "nota 1", "nota 2", "nota 3", "nota 4", "nota 5", "nota 6"]);
    expect(warm.pages).toBe(3);
  });

  it("never skips a change whose transaction commits after a later one (out-of-order commits)", async () => {
    await newJob({ id: "sy-slow", technicianId: "sy-tech" });
    await newJob({ id: "sy-fast", technicianId: "sy-tech" });
    const { cursor } = await pullAll("sy-tech");
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let written!: () => void;
    const wroteFirst = new Promise<void>((resolve) => (written = resolve));
    // The slow transaction writes first (older transaction id) and commits last.
    const slow = withTenant(ORG, async (tx) => {
      await tx.job.update({ where: { id: "sy-slow" }, data: { notes: "lenta" } });
      written();
      await gate;
    });
    await wroteFirst;
    await withTenant(ORG, (tx) => tx.job.update({ where: { id: "sy-fast" }, data: { notes: "rápida" } }));
    // A sequence- or timestamp-based cursor would hand out "rápida" now and move past "lenta" for good.
    const during = await pullAll("sy-tech", cursor, undefined, { settle: false });
    expect(during.jobs.has("sy-fast")).toBe(false);
    release();
    await slow;
    let after = await pullAll("sy-tech", during.cursor);
    // Another session's write transaction elsewhere in the cluster may hold the horizon a moment longer.
    for (let i = 0; i < 50 && after.jobs.size < 2; i++) {
      await new Promise((r) => setTimeout(r, 100));
      after = await pullAll("sy-tech", during.cursor);
    }
    expect([...after.jobs.values()].map((j) => j.notes).sort()).toEqual(["lenta", "rápida"]);
  });

  it("measures a cold pull of 50 jobs through the handler", async () => {
    for (let i = 0; i < 50; i++) await newJob({ id: `sy-m${String(i).padStart(2, "0")}`, technicianId: "sy-tech", startsIn: (i % 7) * 24 * HOUR + HOUR });
    await pullAll("sy-tech"); // warm-up (module loading, first connections)
    const started = performance.now();
    const cold = await pullAll("sy-tech");
    const ms = performance.now() - started;
    expect(cold.jobs.size).toBe(50);
    console.log(`[sync] cold pull of 50 jobs through the handlers: ${ms.toFixed(1)} ms in ${cold.pages} requests`);
  });
});

describe("POST /api/sync/push", () => {
  it("applies a mutation once, however many times its id arrives, and refuses the id reused for something else", async () => {
    const id = await newJob({ id: "sy-job", technicianId: "sy-tech" });
    const go = mutation("transition", id, { to: "en_camino" });
    const [first, again] = await push("sy-tech", [go, go]);
    expect(first).toMatchObject({ status: "applied", job: { id, status: "en_camino", allowedTransitions: ["working"] } });
    expect(again).toEqual({ mutationId: go.mutationId, status: "duplicate", original: { status: "applied", job: null } });
    const [later] = await push("sy-tech", [go]);
    expect(later!.status).toBe("duplicate");
    const [reused] = await push("sy-tech", [{ ...go, to: "working" }]);
    expect(reused).toMatchObject({ status: "rejected", code: "MUTATION_ID_REUSED" });
    expect(await adminDb().jobTransition.count({ where: { jobId: id, to: "en_camino" } })).toBe(1);
  });

  it("answers an illegal transition with the state machine's Spanish reason and carries on with the batch", async () => {
    const id = await newJob({ id: "sy-job", technicianId: "sy-tech" });
    await newJob({ id: "sy-theirs", technicianId: "sy-tech2" });
    const results = await push("sy-tech", [
      mutation("transition", id, { to: "completed" }),
      mutation("transition", "sy-theirs", { to: "en_camino" }),
      mutation("set_text", id, { field: "description", value: "Otra cosa", base: "Pérdida bajo la mesada" }),
      mutation("transition", id, { to: "cancelled" }),
      mutation("transition", id, { to: "en_camino", note: "Salgo ahora" }),
    ]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected", "rejected", "rejected", "applied"]);
    expect(results[0]).toMatchObject({ code: "VALIDATION_FAILED", message: "Un trabajo agendado no puede pasar a terminado." });
    expect(results[1]).toMatchObject({ code: "NOT_FOUND", message: "No encontramos ese trabajo." });
    expect(results[2]).toMatchObject({ code: "FORBIDDEN", message: "La descripción la cambia la oficina; anotá lo que viste en las notas del trabajo." });
    expect(results[3]).toMatchObject({ code: "FORBIDDEN", message: "Solo podés avanzar tus propios trabajos en la visita." });
    expect(await adminDb().job.findUniqueOrThrow({ where: { id: "sy-theirs" }, select: { status: true } })).toEqual({ status: "scheduled" });
    // The rejection is recorded: a retry of it gets the same answer, not a second evaluation.
    const [replayed] = await push("sy-tech", [{ ...(await adminDb().syncMutation.findFirstOrThrow({ where: { status: "rejected", type: "transition", jobId: id }, orderBy: { createdAt: "asc" } }).then((row) => ({ mutationId: row.mutationId, createdAt: row.clientCreatedAt!.toISOString(), jobId: id, type: "transition" as const, to: "completed" as const }))) }]);
    expect(replayed).toMatchObject({ status: "duplicate", original: { status: "rejected", code: "VALIDATION_FAILED" } });
  });

  it("returns a conflict with the web's newer notes instead of overwriting them", async () => {
    const id = await newJob({ id: "sy-job", technicianId: "sy-tech" });
    const seen = (await pullAll("sy-tech")).jobs.get(id)!;
    const [first] = await push("sy-tech", [mutation("set_text", id, { field: "notes", value: "Llave de paso trabada", base: seen.notes })]);
    expect(first).toMatchObject({ status: "applied", job: { notes: "Llave de paso trabada" } });
    await json(await call(updateJobEndpoint, { params: { id }, headers: as("sy-dispatcher"), body: { notes: "Llevar llave francesa grande" } }), 200);
    const [stale] = await push("sy-tech", [mutation("set_text", id, { field: "notes", value: "Llave de paso trabada, cambiar", base: "Llave de paso trabada" })]);
    expect(stale).toMatchObject({ status: "conflict", field: "notes", serverValue: "Llevar llave francesa grande", job: { notes: "Llevar llave francesa grande" } });
    expect((stale as { message: string }).message).toMatch(/no pisamos su versión/);
    expect(await adminDb().job.findUniqueOrThrow({ where: { id }, select: { notes: true } })).toEqual({ notes: "Llevar llave francesa grande" });

    // Quote lines: the same rule with the lines' version.
    const [lines] = await push("sy-tech", [mutation("set_line_items", id, { baseLinesVersion: seen.linesVersion, lines: [{ priceListItemId: "sy-price", quantityMilli: 1000 }] })]);
    expect(lines).toMatchObject({ status: "applied", job: { totals: { netCents: 1_500_000, ivaCents: 315_000, totalCents: 1_815_000 } } });
    const [staleLines] = await push("sy-tech", [mutation("set_line_items", id, { baseLinesVersion: seen.linesVersion, lines: [] })]);
    expect(staleLines).toMatchObject({ status: "conflict", field: "lineItems", serverValue: [{ description: "Visita técnica", quantityMilli: 1000 }] });
  });

  it("uploads by content hash (idempotent, verified) and attaches by reference; logs time and pins the job", async () => {
    const id = await newJob({ id: "sy-job", technicianId: "sy-tech" });
    const hash = sha(JPEG);
    const early = await push("sy-tech", [mutation("attach", id, { kind: "PHOTO", sha256: hash }), mutation("set_location", id, { lat: -34.61, lng: -58.43 })]);
    expect(early.map((r) => [r.status, (r as { code?: string }).code])).toEqual([["retry", "UPLOAD_MISSING"], ["retry", "WAITING_FOR_EARLIER"]]);

    const wrong = await json<{ error: { message: string } }>(await upload("sy-tech", JPEG, "image/jpeg", sha(PNG)), 400);
    expect(wrong.error.message).toBe("El archivo no coincide con su hash (¿se cortó la subida?): volvé a subirlo.");
    expect((await upload("sy-tech", Buffer.from("%PDF-1.7"), "image/jpeg")).status).toBe(415);
    expect(await json<SyncUploadResponse>(await upload("sy-tech", JPEG, "image/jpeg"), 201)).toMatchObject({ sha256: hash, mimeType: "image/jpeg", size: JPEG.length, created: true });
    expect(await json<SyncUploadResponse>(await upload("sy-tech", JPEG, "image/jpeg"), 200)).toMatchObject({ created: false });
    expect((await upload("sy-other-tech", JPEG, "image/jpeg")).status).toBe(201); // each organization its own copy

    const entryId = randomUUID();
    const results = await push("sy-tech", [
      mutation("attach", id, { kind: "PHOTO", sha256: hash }),
      mutation("log_time", id, { entryId, minutes: 45 }),
      mutation("log_time", id, { entryId, minutes: 45 }),
      mutation("set_location", id, { lat: -34.61, lng: -58.43 }),
    ]);
    expect(results.map((r) => r.status)).toEqual(["applied", "applied", "applied", "applied"]);
    const job = (results.at(-1) as Extract<SyncMutationResult, { status: "applied" }>).job!;
    expect(job).toMatchObject({ workedMinutes: 45, location: { lat: -34.61, lng: -58.43 }, attachments: [{ kind: "PHOTO", sha256: hash, mimeType: "image/jpeg", url: expect.stringContaining(`/api/jobs/${id}/attachments/`) }] });
    // A JPEG is not a signature: addJobAttachment's rules apply to attachments made through sync too.
    const [signature] = await push("sy-tech", [mutation("attach", id, { kind: "SIGNATURE", sha256: hash })]);
    expect(signature).toMatchObject({ status: "rejected", code: "VALIDATION_FAILED", message: "La firma tiene que ser un PNG de hasta 1 MB." });
    expect(await adminDb().job.findUniqueOrThrow({ where: { id }, select: { locationSource: true } })).toEqual({ locationSource: "TECHNICIAN" });
  });
});

describe("the sync engine against the real handlers", () => {
  it("goes offline, queues en camino → trabajando → completado with a photo and a signature, reconnects, and the job is done", async () => {
    const id = await newJob({ id: "sy-visit", technicianId: "sy-tech" });
    let online = true;
    const routes: [RegExp, Endpoint, (m: RegExpExecArray) => Record<string, string>][] = [
      [/^\/api\/sync\/pull$/, syncPullEndpoint as unknown as Endpoint, () => ({})],
      [/^\/api\/sync\/push$/, syncPushEndpoint as unknown as Endpoint, () => ({})],
      [/^\/api\/sync\/uploads\/([0-9a-f]{64})$/, syncUploadEndpoint as unknown as Endpoint, (m) => ({ sha256: m[1]! })],
    ];
    const requests: string[] = [];
    // fetch as the phone does it, answered by the route handlers in-process; "offline" is a fetch that cannot connect.
    const routedFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (!online) throw new TypeError("Network request failed");
      const request = new Request(input, init);
      const path = new URL(request.url).pathname;
      requests.push(`${request.method} ${path.replace(/[0-9a-f]{64}/, ":sha")}`);
      for (const [pattern, endpoint, params] of routes) {
        const match = pattern.exec(path);
        if (match) return toRouteHandler(endpoint)(request, { params: Promise.resolve(params(match)) });
      }
      return new Response("not found", { status: 404 });
    }) as typeof fetch;
    const storage = createMemoryStorage();
    const engine = createSyncEngine({ storage, transport: createFetchTransport({ baseUrl: BASE_URL, getToken: async () => tokenOf("sy-tech"), fetch: routedFetch }), autoRetry: false });

    expect(await engine.sync()).toMatchObject({ ok: true, pulledJobs: 1 });
    await engine.enqueue({ type: "transition", jobId: id, to: "en_camino" });
    expect((await engine.sync()).applied).toBe(1);

    online = false;
    await engine.enqueue({ type: "transition", jobId: id, to: "working" });
    await engine.enqueue({ type: "set_text", jobId: id, field: "notes", value: "Cambié el flexible de la cocina" });
    await engine.enqueue({ type: "log_time", jobId: id, entryId: randomUUID(), minutes: 50 });
    await engine.enqueue({ type: "set_line_items", jobId: id, lines: [{ priceListItemId: "sy-price", quantityMilli: 1000 }] });
    await engine.enqueue({ type: "attach", jobId: id, kind: "PHOTO", sha256: sha(JPEG) }, { file: { body: new Uint8Array(JPEG), mimeType: "image/jpeg" } });
    await engine.enqueue({ type: "attach", jobId: id, kind: "SIGNATURE", sha256: sha(PNG) }, { file: { body: new Uint8Array(PNG), mimeType: "image/png" } });
    await engine.enqueue({ type: "transition", jobId: id, to: "completed", note: "Listo" });
    expect(engine.job(id)).toMatchObject({ status: "completed", pendingCount: 7, totalsEstimated: true, totals: { totalCents: 1_815_000 } });
    expect((await engine.sync()).ok).toBe(false);
    expect(engine.status().lastError).toEqual({ code: "OFFLINE", message: "Sin conexión." });
    expect(await adminDb().job.findUniqueOrThrow({ where: { id }, select: { status: true } })).toEqual({ status: "en_camino" });

    online = true;
    requests.length = 0;
    const started = performance.now();
    const report = await engine.sync();
    console.log(`[sync] reconnect → server has all 7 queued mutations (2 uploads): ${(performance.now() - started).toFixed(1)} ms`);
    expect(report).toMatchObject({ ok: true, pushed: 7, applied: 7, rejected: 0, conflicts: 0 });
    expect(requests.slice(0, 3)).toEqual(["PUT /api/sync/uploads/:sha", "PUT /api/sync/uploads/:sha", "POST /api/sync/push"]);
    expect(engine.pending()).toEqual([]);
    expect(engine.job(id)).toMatchObject({ status: "completed", pendingCount: 0, totalsEstimated: false, workedMinutes: 50, notes: "Cambié el flexible de la cocina" });

    const done = await adminDb().job.findUniqueOrThrow({
      where: { id },
      select: { status: true, notes: true, attachments: { select: { kind: true, sha256: true }, orderBy: { createdAt: "asc" } }, transitions: { select: { to: true }, orderBy: { at: "asc" } } },
    });
    expect(done).toMatchObject({ status: "completed", notes: "Cambié el flexible de la cocina", attachments: [{ kind: "PHOTO", sha256: sha(JPEG) }, { kind: "SIGNATURE", sha256: sha(PNG) }] });
    expect(done.transitions.map((t) => t.to)).toEqual(["scheduled", "en_camino", "working", "completed"]);

    // The response to the push was lost? The engine sends the same ids; nothing happens twice.
    const replay = await push("sy-tech", (await adminDb().syncMutation.findMany({ where: { jobId: id, type: "transition", status: "applied" }, orderBy: { createdAt: "asc" } })).slice(1).map((row, i) => ({
      mutationId: row.mutationId, createdAt: row.clientCreatedAt!.toISOString(), jobId: id, type: "transition" as const, to: (i === 0 ? "working" : "completed") as "working",
      ...(i === 1 ? { note: "Listo" } : {}),
    })));
    expect(replay.map((r) => r.status)).toEqual(["duplicate", "duplicate"]);
    expect(await adminDb().jobAttachment.count({ where: { jobId: id } })).toBe(2);
    expect((await verifyAuditChain({ organizationId: ORG })).ok).toBe(true);
  });
});
