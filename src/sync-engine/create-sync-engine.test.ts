import { describe, expect, it } from "vitest";
import type { MutationOutcome, SyncJob, SyncJobStatus, SyncMutation, SyncMutationResult, SyncPullResponse } from "../contracts/sync";
import { createSyncEngine } from "./create-sync-engine";
import { createMemoryStorage } from "./memory-storage";
import { SyncTransportError, type SyncTransport, type Timers } from "./types";

// The engine against a small in-memory server that keeps the protocol's promises (ids dedupe, field states in order,
// compare-and-set on notes, uploads by hash). The real server is exercised in apps/web/lib/api/sync-api.int.test.ts.
const NEXT: Partial<Record<SyncJobStatus, SyncJobStatus>> = { scheduled: "en_camino", en_camino: "working", working: "completed" };

function job(id: string, patch: Partial<SyncJob> = {}): SyncJob {
  return {
    id, number: 1, status: "scheduled", allowedTransitions: ["en_camino"], serviceType: "GAS", urgency: "NORMAL", description: "Olor a gas", notes: "", address: "Corrientes 1234",
    location: null, scheduledStart: "2026-12-15T13:00:00.000Z", scheduledEnd: "2026-12-15T14:00:00.000Z", technicianId: "tech",
    customer: { id: "c1", name: "Ana", phone: "+5491155550000", address: null }, lineItems: [], linesVersion: "v0",
    totals: { byRate: [], netCents: 0, ivaCents: 0, totalCents: 0 }, attachments: [], transitions: [], timeEntries: [], workedMinutes: 0, updatedAt: "2026-12-15T12:00:00.000Z",
    ...patch,
  };
}

function fakeServer(initial: SyncJob[]) {
  const jobs = new Map(initial.map((j) => [j.id, structuredClone(j)]));
  const answers = new Map<string, MutationOutcome>();
  const uploads = new Set<string>();
  const log: string[] = [];
  let version = 0;
  let online = true;
  let dropNextPushResponse = false;
  let newDay = false;
  const offline = () => new SyncTransportError("network", "Sin conexión.");

  function apply(m: SyncMutation): MutationOutcome {
    const j = jobs.get(m.jobId);
    if (!j) return { status: "rejected", code: "NOT_FOUND", message: "No encontramos ese trabajo." };
    if (m.type === "transition") {
      if (NEXT[j.status] !== m.to) return { status: "rejected", code: "VALIDATION_FAILED", message: `Un trabajo ${j.status} no puede pasar a ${m.to}.` };
      j.transitions.push({ from: j.status, to: m.to, at: m.createdAt, note: m.note ?? null, actorType: "USER", actorId: "tech" });
      j.status = m.to;
      j.allowedTransitions = NEXT[m.to] ? [NEXT[m.to]!] : [];
    } else if (m.type === "set_text") {
      if (j[m.field] !== m.base && j[m.field] !== m.value) return { status: "conflict", field: m.field, serverValue: j[m.field], message: "Alguien cambió las notas mientras tanto.", job: structuredClone(j) };
      j[m.field] = m.value;
    } else if (m.type === "attach") {
      if (!uploads.has(m.sha256)) throw new Error("attach before upload");
      j.attachments.push({ id: `att-${m.sha256.slice(0, 4)}`, kind: m.kind, mimeType: "image/png", size: 10, sha256: m.sha256, createdAt: m.createdAt, url: "/x" });
    }
    return { status: "applied", job: structuredClone(j) };
  }

  const transport: SyncTransport = {
    async pull(cursor): Promise<SyncPullResponse> {
      if (!online) throw offline();
      return {
        protocol: 1, reset: cursor === null || newDay, jobs: [...jobs.values()].map((j) => structuredClone(j)), removed: [], priceList: cursor === null ? [] : null,
        cursor: `c${++version}`, hasMore: false, serverTime: new Date().toISOString(), window: { from: "2026-12-08", to: "2026-12-22" },
      };
    },
    async push(mutations) {
      if (!online) throw offline();
      const results: SyncMutationResult[] = mutations.map((m) => {
        const stored = answers.get(m.mutationId);
        if (stored) return { mutationId: m.mutationId, status: "duplicate", original: stored };
        log.push(`${m.type}:${m.type === "transition" ? m.to : m.type === "set_text" ? m.value : m.type === "attach" ? m.kind : ""}`);
        const outcome = apply(m);
        answers.set(m.mutationId, outcome.status === "applied" ? { status: "applied", job: null } : outcome);
        return { mutationId: m.mutationId, ...outcome };
      });
      if (dropNextPushResponse) {
        dropNextPushResponse = false;
        throw offline();
      }
      return { results };
    },
    async upload(sha256, mimeType) {
      if (!online) throw offline();
      if (mimeType === "image/gif") throw new SyncTransportError("http", "El archivo tiene que ser una foto JPEG, PNG o WebP de hasta 10 MB.", 415, "UNSUPPORTED_MEDIA_TYPE");
      log.push(`upload:${sha256.slice(0, 4)}`);
      const created = !uploads.has(sha256);
      uploads.add(sha256);
      return { sha256, uploadId: `u-${sha256}`, mimeType, size: 10, created };
    },
  };
  return {
    transport, jobs, log,
    setOnline: (value: boolean) => (online = value),
    loseNextPushResponse: () => (dropNextPushResponse = true),
    startNewDay: () => (newDay = true),
  };
}

function fakeTimers() {
  const pending: { fn: () => void; ms: number }[] = [];
  const timers: Timers = { setTimeout: (fn, ms) => (pending.push({ fn, ms }), pending.length - 1), clearTimeout: (h) => void (pending[h as number] = { fn: () => {}, ms: -1 }) };
  return { timers, delays: () => pending.filter((p) => p.ms >= 0).map((p) => p.ms) };
}

let ids = 0;
const setup = (initial: SyncJob[] = [job("j1")]) => {
  const server = fakeServer(initial);
  const storage = createMemoryStorage();
  const clock = fakeTimers();
  const engine = createSyncEngine({ storage, transport: server.transport, timers: clock.timers, random: () => 1, newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, "0")}`, backoff: { baseMs: 1000, maxMs: 8000 } });
  return { server, storage, engine, clock };
};
const SHA_PHOTO = "a".repeat(64);
const SHA_SIGNATURE = "b".repeat(64);

describe("sync engine", () => {
  it("an action queued while a sync is already running goes out right after it, not at the next trigger", async () => {
    const { server, engine } = setup();
    await engine.sync();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const pull = server.transport.pull.bind(server.transport);
    server.transport.pull = async (cursor) => {
      await gate;
      return pull(cursor);
    };
    const first = engine.sync(); // reads an empty outbox, then waits in its pull
    await new Promise((resolve) => setTimeout(resolve, 0));
    await engine.enqueue({ type: "transition", jobId: "j1", to: "en_camino" });
    const second = engine.sync();
    const third = engine.sync();
    expect(third).toBe(second); // one follow-up, shared
    release();
    expect(await first).toMatchObject({ pushed: 0 });
    expect(await second).toMatchObject({ ok: true, pushed: 1, applied: 1 });
    expect(server.jobs.get("j1")!.status).toBe("en_camino");
    expect(engine.pending()).toEqual([]);
  });

  it("queues offline, shows the actions at once, and backs off exponentially while the network is gone", async () => {
    const { server, engine, clock } = setup();
    await engine.sync();
    server.setOnline(false);
    await engine.enqueue({ type: "transition", jobId: "j1", to: "en_camino" });
    await engine.enqueue({ type: "transition", jobId: "j1", to: "working" });
    expect(engine.job("j1")).toMatchObject({ status: "working", pendingCount: 2, allowedTransitions: ["completed"] });
    expect(server.jobs.get("j1")!.status).toBe("scheduled");
    for (let i = 0; i < 5; i++) await engine.sync();
    expect(engine.pending().map((e) => e.state)).toEqual(["failed", "failed"]);
    expect(engine.pending()[0]!.error).toEqual({ code: "OFFLINE", message: "Sin conexión." });
    expect(engine.status()).toMatchObject({ failures: 5, lastError: { code: "OFFLINE" } });
    expect(clock.delays()).toEqual([8000]);
  });

  it("replays the outbox in order after reconnecting, uploading files before the actions that attach them", async () => {
    const { server, engine } = setup();
    await engine.sync();
    server.setOnline(false);
    await engine.enqueue({ type: "transition", jobId: "j1", to: "en_camino" });
    await engine.enqueue({ type: "transition", jobId: "j1", to: "working" });
    await engine.enqueue({ type: "attach", jobId: "j1", kind: "PHOTO", sha256: SHA_PHOTO }, { file: { body: new Uint8Array([1, 2, 3]), mimeType: "image/jpeg" } });
    await engine.enqueue({ type: "attach", jobId: "j1", kind: "SIGNATURE", sha256: SHA_SIGNATURE }, { file: { body: new Uint8Array([4]), mimeType: "image/png" } });
    await engine.enqueue({ type: "transition", jobId: "j1", to: "completed", note: "Cambié el flexible" });
    expect(engine.job("j1")!.attachments.map((a) => a.id)).toEqual([`local-${SHA_PHOTO}`, `local-${SHA_SIGNATURE}`]);
    await engine.sync();
    expect(engine.status().failures).toBe(1);

    server.setOnline(true);
    const report = await engine.sync();
    expect(report).toMatchObject({ ok: true, pushed: 5, applied: 5 });
    expect(server.log).toEqual(["upload:aaaa", "upload:bbbb", "transition:en_camino", "transition:working", "attach:PHOTO", "attach:SIGNATURE", "transition:completed"]);
    expect(engine.pending()).toEqual([]);
    expect(engine.job("j1")).toMatchObject({ status: "completed", pendingCount: 0 });
    expect(engine.job("j1")!.attachments.map((a) => a.kind)).toEqual(["PHOTO", "SIGNATURE"]);
    expect(engine.status()).toMatchObject({ failures: 0, lastError: null });
  });

  it("sends the same mutation ids again when an answer was lost, and the server applies them once", async () => {
    const { server, engine } = setup();
    await engine.sync();
    await engine.enqueue({ type: "transition", jobId: "j1", to: "en_camino" });
    server.loseNextPushResponse();
    await engine.sync();
    expect(engine.pending()[0]).toMatchObject({ state: "failed", attempts: 1 });
    const report = await engine.sync();
    expect(report).toMatchObject({ ok: true, applied: 1 });
    expect(server.log).toEqual(["transition:en_camino"]);
    expect(server.jobs.get("j1")!.transitions).toHaveLength(1);
    expect(engine.pending()).toEqual([]);
  });

  it("survives a restart mid-push: a 'sending' entry is sent again from storage", async () => {
    const { server, storage, engine } = setup();
    await engine.sync();
    const entry = await engine.enqueue({ type: "transition", jobId: "j1", to: "en_camino" });
    await storage.outbox.update({ ...entry, state: "sending", attempts: 1 });
    const restarted = createSyncEngine({ storage, transport: server.transport, autoRetry: false });
    await restarted.load();
    expect(restarted.pending()[0]!.state).toBe("queued");
    await restarted.sync();
    expect(restarted.job("j1")!.status).toBe("en_camino");
  });

  it("surfaces a rejected transition with the server's reason and shows the server's status", async () => {
    const { server, engine } = setup();
    await engine.sync();
    server.setOnline(false);
    await engine.enqueue({ type: "transition", jobId: "j1", to: "en_camino" });
    // Meanwhile the office finished it from the web.
    server.jobs.get("j1")!.status = "completed";
    server.setOnline(true);
    const report = await engine.sync();
    expect(report).toMatchObject({ rejected: 1 });
    const [rejected] = engine.pending();
    expect(rejected).toMatchObject({ state: "rejected", error: { code: "VALIDATION_FAILED", message: "Un trabajo completed no puede pasar a en_camino." } });
    expect(engine.job("j1")).toMatchObject({ status: "completed", pendingCount: 0, problems: [{ state: "rejected" }] });
    await engine.dismiss(rejected!.mutation.mutationId);
    expect(engine.pending()).toEqual([]);
  });

  it("keeps going after a rejection: later actions are judged on their own", async () => {
    const { server, engine } = setup([job("j1", { status: "en_camino" })]);
    await engine.sync();
    await engine.enqueue({ type: "transition", jobId: "j1", to: "en_camino" });
    await engine.enqueue({ type: "transition", jobId: "j1", to: "working" });
    await engine.sync();
    expect(engine.pending().map((e) => e.state)).toEqual(["rejected"]);
    expect(server.jobs.get("j1")!.status).toBe("working");
  });

  it("never overwrites a newer web edit: the conflict carries the server's text until the person decides", async () => {
    const { server, engine } = setup([job("j1", { notes: "Portón verde" })]);
    await engine.sync();
    server.setOnline(false);
    await engine.enqueue({ type: "set_text", jobId: "j1", field: "notes", value: "Portón verde. Timbre roto" });
    await engine.enqueue({ type: "set_text", jobId: "j1", field: "notes", value: "Portón verde. Timbre roto, golpear" });
    expect(engine.pending()).toHaveLength(1); // successive offline edits fold into one
    expect(engine.job("j1")!.notes).toBe("Portón verde. Timbre roto, golpear");
    server.jobs.get("j1")!.notes = "Portón negro (lo cambió la oficina)";
    server.setOnline(true);
    await engine.sync();
    const [conflict] = engine.pending();
    expect(conflict).toMatchObject({ state: "conflict", conflict: { field: "notes", serverValue: "Portón negro (lo cambió la oficina)" } });
    expect(engine.job("j1")!.notes).toBe("Portón negro (lo cambió la oficina)");
    expect(server.jobs.get("j1")!.notes).toBe("Portón negro (lo cambió la oficina)");

    await engine.resolveConflict(conflict!.mutation.mutationId, "mine");
    expect(engine.pending()[0]!.mutation).toMatchObject({ type: "set_text", base: "Portón negro (lo cambió la oficina)", value: "Portón verde. Timbre roto, golpear" });
    await engine.sync();
    expect(server.jobs.get("j1")!.notes).toBe("Portón verde. Timbre roto, golpear");
    expect(engine.pending()).toEqual([]);
  });

  it("turns an upload the server will never take into a rejection, without blocking the rest", async () => {
    const { server, engine } = setup();
    await engine.sync();
    await engine.enqueue({ type: "attach", jobId: "j1", kind: "PHOTO", sha256: SHA_PHOTO }, { file: { body: new Uint8Array([1]), mimeType: "image/gif" } });
    await engine.enqueue({ type: "transition", jobId: "j1", to: "en_camino" });
    await engine.sync();
    expect(engine.pending()).toMatchObject([{ state: "rejected", error: { code: "UNSUPPORTED_MEDIA_TYPE", message: "El archivo tiene que ser una foto JPEG, PNG o WebP de hasta 10 MB." } }]);
    expect(server.jobs.get("j1")!.status).toBe("en_camino");
  });

  it("drops jobs a full pull no longer brings and notifies subscribers", async () => {
    const { server, engine } = setup([job("j1"), job("j2", { number: 2 })]);
    let calls = 0;
    engine.subscribe(() => calls++);
    await engine.sync();
    expect(engine.jobs().map((j) => j.id)).toEqual(["j1", "j2"]);
    server.jobs.delete("j2");
    // A new day: the server answers with a full snapshot again, without j2.
    server.startNewDay();
    await engine.sync();
    expect(engine.jobs().map((j) => j.id)).toEqual(["j1"]);
    expect(calls).toBeGreaterThan(0);
  });
});
