import { SYNC_PUSH_MAX_BATCH, type MutationOutcome, type SyncJob, type SyncMutation, type SyncMutationResult, type SyncPriceListItem } from "../contracts/sync";
import { applyPending } from "./apply-pending";
import { backoffDelay } from "./backoff-delay";
import { newMutationId } from "./new-mutation-id";
import {
  SyncTransportError,
  type EnqueueOptions,
  type LocalJob,
  type MutationInput,
  type OutboxEntry,
  type SyncEngine,
  type SyncEngineOptions,
  type SyncReport,
  type SyncStatus,
} from "./types";

const SENDABLE = new Set(["queued", "sending", "failed"]);
const MAX_PULL_PAGES = 100;

// The offline-first engine (docs/sync.md). Everything the technician does goes into the outbox first and shows at once
// (optimistic overlay); sync() sends the outbox in order — files by hash before the mutation that attaches them — then
// pulls what changed. Mutation ids make every resend safe. A failed sync retries on its own with exponential backoff;
// an explicit sync() (reconnect, pull-to-refresh) runs at once.
export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { storage, transport } = options;
  const now = options.now ?? (() => Date.now());
  const newId = options.newId ?? newMutationId;
  const timers = options.timers ?? { setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms), clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>) };
  const backoff = { ...(options.backoff ?? { baseMs: 2_000, maxMs: 5 * 60_000 }), random: options.random ?? Math.random };
  const autoRetry = options.autoRetry ?? true;

  let jobs = new Map<string, SyncJob>();
  let outbox: OutboxEntry[] = [];
  let priceList: SyncPriceListItem[] = [];
  let cursor: string | null = null;
  let loaded: Promise<void> | null = null;
  let running: Promise<SyncReport> | null = null;
  let retryTimer: unknown = null;
  let disposed = false;
  let view: LocalJob[] | null = null;
  const status: SyncStatus = { syncing: false, lastSyncAt: null, lastError: null, failures: 0, nextRetryAt: null, authRequired: false };
  const listeners = new Set<() => void>();

  const changed = () => {
    view = null;
    for (const listener of listeners) listener();
  };

  function load(): Promise<void> {
    loaded ??= (async () => {
      const [storedJobs, storedOutbox, storedPrices, storedCursor] = await Promise.all([storage.getJobs(), storage.outbox.list(), storage.getPriceList(), storage.getCursor()]);
      jobs = new Map(storedJobs.map((j) => [j.id, j]));
      // "sending" when the app died mid-push: it may or may not have arrived; sending it again is safe (same id).
      outbox = storedOutbox.map((e) => (e.state === "sending" ? { ...e, state: "queued" } : e));
      priceList = storedPrices;
      cursor = storedCursor;
      changed();
    })();
    return loaded;
  }

  async function save(entry: OutboxEntry, patch: Partial<OutboxEntry>): Promise<OutboxEntry> {
    const next = { ...entry, ...patch, updatedAt: now() };
    outbox = outbox.map((e) => (e.mutation.mutationId === next.mutation.mutationId ? next : e));
    await storage.outbox.update(next);
    return next;
  }

  async function drop(mutationId: string): Promise<void> {
    const entry = outbox.find((e) => e.mutation.mutationId === mutationId);
    outbox = outbox.filter((e) => e.mutation.mutationId !== mutationId);
    await storage.outbox.remove(mutationId);
    // The file is kept while another queued action still references it.
    if (entry?.upload && !outbox.some((e) => e.upload?.sha256 === entry.upload!.sha256)) await storage.files.remove(entry.upload.sha256);
  }

  async function putServerJobs(list: SyncJob[]): Promise<void> {
    if (!list.length) return;
    for (const job of list) jobs.set(job.id, job);
    await storage.putJobs(list);
  }

  async function removeServerJobs(ids: string[]): Promise<void> {
    if (!ids.length) return;
    for (const id of ids) jobs.delete(id);
    await storage.removeJobs(ids);
  }

  function localJob(id: string): LocalJob | null {
    const job = jobs.get(id);
    return job ? applyPending(job, outbox, priceList) : null;
  }

  // Free text and quote lines carry what the phone showed when the person edited: the server refuses to overwrite a
  // different (newer) value. Successive offline edits of the same thing fold into the one still unsent.
  async function enqueue(input: MutationInput, enqueueOptions: EnqueueOptions = {}): Promise<OutboxEntry> {
    await load();
    const shown = localJob(input.jobId);
    const unsent = (match: (m: SyncMutation) => boolean) => outbox.find((e) => e.state === "queued" && e.attempts === 0 && match(e.mutation));
    if (input.type === "set_text") {
      const earlier = unsent((m) => m.type === "set_text" && m.jobId === input.jobId && m.field === input.field);
      if (earlier && earlier.mutation.type === "set_text") {
        const entry = await save(earlier, { mutation: { ...earlier.mutation, value: input.value } });
        changed();
        return entry;
      }
    }
    if (input.type === "set_line_items") {
      const earlier = unsent((m) => m.type === "set_line_items" && m.jobId === input.jobId);
      if (earlier && earlier.mutation.type === "set_line_items") {
        const entry = await save(earlier, { mutation: { ...earlier.mutation, lines: input.lines } });
        changed();
        return entry;
      }
    }
    const base = { mutationId: input.mutationId ?? newId(), createdAt: input.createdAt ?? new Date(now()).toISOString() };
    let mutation: SyncMutation;
    if (input.type === "set_text") mutation = { ...input, ...base, base: input.base ?? shown?.[input.field] ?? "" };
    else if (input.type === "set_line_items") mutation = { ...input, ...base, baseLinesVersion: input.baseLinesVersion ?? jobs.get(input.jobId)?.linesVersion ?? "" };
    else mutation = { ...input, ...base } as SyncMutation;
    let upload: OutboxEntry["upload"] = null;
    if (mutation.type === "attach") {
      if (!enqueueOptions.file) throw new Error("attach needs options.file (the bytes or, if already stored, the mime type)");
      if (enqueueOptions.file.body) await storage.files.put(mutation.sha256, enqueueOptions.file.body);
      upload = { sha256: mutation.sha256, mimeType: enqueueOptions.file.mimeType, done: false };
    }
    const entry: OutboxEntry = { mutation, state: "queued", attempts: 0, error: null, conflict: null, upload, updatedAt: now() };
    outbox = [...outbox, entry];
    await storage.outbox.add(entry);
    changed();
    return entry;
  }

  // Files first: an attach is pushed only once its bytes are on the server. A file the server will never take (too
  // big, not an image) turns its attach into a rejection with the server's words; no network ends the sync.
  async function uploadFiles(entries: OutboxEntry[]): Promise<OutboxEntry[]> {
    const ready: OutboxEntry[] = [];
    for (let entry of entries) {
      if (entry.upload && !entry.upload.done) {
        const body = await storage.files.get(entry.upload.sha256);
        if (!body) {
          await save(entry, { state: "rejected", error: { code: "FILE_MISSING", message: "No encontramos el archivo en el teléfono: volvé a sacar la foto." } });
          continue;
        }
        try {
          await transport.upload(entry.upload.sha256, entry.upload.mimeType, body);
          entry = await save(entry, { upload: { ...entry.upload, done: true } });
        } catch (error) {
          if (error instanceof SyncTransportError && error.permanent) {
            await save(entry, { state: "rejected", error: { code: error.code ?? "UPLOAD_REFUSED", message: error.message } });
            continue;
          }
          throw error;
        }
      }
      ready.push(entry);
    }
    return ready;
  }

  async function settle(entry: OutboxEntry, result: SyncMutationResult, report: SyncReport): Promise<boolean> {
    if (result.status === "retry") {
      await save(entry, {
        state: "failed", error: { code: result.code, message: result.message },
        ...(result.code === "UPLOAD_MISSING" && entry.upload ? { upload: { ...entry.upload, done: false } } : {}),
      });
      return false;
    }
    const outcome: MutationOutcome = result.status === "duplicate" ? result.original : result;
    if ("job" in outcome && outcome.job) await putServerJobs([outcome.job]);
    if (outcome.status === "applied") {
      report.applied += 1;
      await drop(entry.mutation.mutationId);
    } else if (outcome.status === "rejected") {
      report.rejected += 1;
      await save(entry, { state: "rejected", error: { code: outcome.code, message: outcome.message } });
    } else {
      report.conflicts += 1;
      await save(entry, { state: "conflict", conflict: { field: outcome.field, serverValue: outcome.serverValue, message: outcome.message } });
    }
    return true;
  }

  // The outbox in order, in batches. A job whose action must be retried holds back its later actions (they may depend
  // on it); other jobs go on. Returns whether anything is left to retry.
  async function pushOutbox(report: SyncReport): Promise<boolean> {
    const heldBack = new Set<string>();
    let leftover = false;
    const sendable = () => outbox.filter((e) => SENDABLE.has(e.state) && !heldBack.has(e.mutation.jobId));
    const seen = new Set<string>();
    for (;;) {
      const batch = sendable().filter((e) => !seen.has(e.mutation.mutationId)).slice(0, SYNC_PUSH_MAX_BATCH);
      if (!batch.length) return leftover;
      for (const e of batch) seen.add(e.mutation.mutationId);
      const ready = await uploadFiles(batch);
      if (!ready.length) continue;
      const sending: OutboxEntry[] = [];
      for (const e of ready) sending.push(await save(e, { state: "sending", attempts: e.attempts + 1 }));
      changed();
      let results: SyncMutationResult[];
      try {
        results = (await transport.push(sending.map((e) => e.mutation))).results;
      } catch (error) {
        for (const e of sending) await save(e, { state: "failed", error: { code: "OFFLINE", message: error instanceof Error ? error.message : "Sin conexión." } });
        throw error;
      }
      report.pushed += sending.length;
      const byId = new Map(results.map((r) => [r.mutationId, r]));
      for (const e of sending) {
        const result = byId.get(e.mutation.mutationId);
        const current = outbox.find((o) => o.mutation.mutationId === e.mutation.mutationId) ?? e;
        if (!result || !(await settle(current, result, report))) {
          if (!result) await save(current, { state: "queued" });
          heldBack.add(e.mutation.jobId);
          leftover = true;
        }
      }
      changed();
    }
  }

  // Pages until the server says there is no more. A reset (first sync, a new day) is a full snapshot: the jobs it did
  // not bring are dropped when it ends. The cursor is stored only outside a reset, so an interrupted reset starts over.
  async function pullChanges(report: SyncReport): Promise<void> {
    let next = cursor;
    let seen: Set<string> | null = null;
    for (let page = 0; page < MAX_PULL_PAGES; page++) {
      const response = await transport.pull(next);
      if (response.reset && !seen) seen = new Set();
      if (seen && !response.reset) {
        await removeServerJobs([...jobs.keys()].filter((id) => !seen!.has(id)));
        seen = null;
      }
      await putServerJobs(response.jobs);
      for (const job of response.jobs) seen?.add(job.id);
      await removeServerJobs(response.removed.map((r) => r.jobId));
      if (response.priceList) {
        priceList = response.priceList;
        await storage.putPriceList(priceList);
      }
      report.pulledJobs += response.jobs.length;
      report.removedJobs += response.removed.length;
      next = response.cursor;
      if (seen && !response.hasMore) {
        await removeServerJobs([...jobs.keys()].filter((id) => !seen!.has(id)));
        seen = null;
      }
      if (!seen) {
        cursor = next;
        await storage.setCursor(cursor);
      }
      changed();
      if (!response.hasMore) return;
    }
  }

  function scheduleRetry(): void {
    if (!autoRetry || disposed) return;
    if (retryTimer !== null) timers.clearTimeout(retryTimer);
    const delay = backoffDelay(Math.max(1, status.failures), backoff);
    status.nextRetryAt = now() + delay;
    retryTimer = timers.setTimeout(() => {
      retryTimer = null;
      status.nextRetryAt = null;
      void sync();
    }, delay);
  }

  async function run(): Promise<SyncReport> {
    await load();
    const report: SyncReport = { pushed: 0, applied: 0, rejected: 0, conflicts: 0, pulledJobs: 0, removedJobs: 0, ok: false };
    if (retryTimer !== null) {
      timers.clearTimeout(retryTimer);
      retryTimer = null;
      status.nextRetryAt = null;
    }
    status.syncing = true;
    status.authRequired = false;
    changed();
    try {
      const leftover = await pushOutbox(report);
      await pullChanges(report);
      status.lastSyncAt = now();
      status.lastError = null;
      report.ok = true;
      if (leftover) {
        status.failures += 1;
        scheduleRetry();
      } else {
        status.failures = 0;
      }
    } catch (error) {
      const transportError = error instanceof SyncTransportError ? error : null;
      status.lastError = { code: transportError?.code ?? (transportError?.kind === "network" ? "OFFLINE" : "ERROR"), message: error instanceof Error ? error.message : "Error." };
      status.failures += 1;
      if (transportError?.status === 401) status.authRequired = true;
      else scheduleRetry();
    } finally {
      status.syncing = false;
      changed();
    }
    return report;
  }

  // A sync asked for while one is in flight (an action queued during a pull, a reconnect) runs once more right after
  // it instead of riding along: the in-flight run may have read the outbox before the new action existed, and the
  // next trigger could be a minute away. Everyone asking meanwhile shares that one follow-up run.
  let followUp: Promise<SyncReport> | null = null;
  function sync(): Promise<SyncReport> {
    if (!running) {
      running = run().finally(() => {
        running = null;
      });
      return running;
    }
    followUp ??= running.then(
      () => ((followUp = null), sync()),
      () => ((followUp = null), sync()),
    );
    return followUp;
  }

  return {
    load,
    sync,
    enqueue,
    jobs() {
      view ??= [...jobs.values()]
        .map((job) => applyPending(job, outbox, priceList))
        .sort((a, b) => (a.scheduledStart ?? "9999").localeCompare(b.scheduledStart ?? "9999") || a.number - b.number);
      return view;
    },
    job: localJob,
    priceList: () => priceList,
    pending: () => outbox.slice(),
    status: () => ({ ...status }),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async dismiss(mutationId) {
      await load();
      const entry = outbox.find((e) => e.mutation.mutationId === mutationId);
      if (!entry || SENDABLE.has(entry.state)) return;
      await drop(mutationId);
      changed();
    },
    // mine: send the person's value again on top of the server's (a new mutation, based on what is there now);
    // theirs: drop the phone's version.
    async resolveConflict(mutationId, keep) {
      await load();
      const entry = outbox.find((e) => e.mutation.mutationId === mutationId && e.state === "conflict");
      if (!entry) return null;
      await drop(mutationId);
      if (keep === "theirs") {
        changed();
        return null;
      }
      const m = entry.mutation;
      if (m.type === "set_text") {
        return enqueue({ type: "set_text", jobId: m.jobId, field: m.field, value: m.value, base: typeof entry.conflict?.serverValue === "string" ? entry.conflict.serverValue : undefined });
      }
      if (m.type === "set_line_items") return enqueue({ type: "set_line_items", jobId: m.jobId, lines: m.lines });
      changed();
      return null;
    },
    dispose() {
      disposed = true;
      if (retryTimer !== null) timers.clearTimeout(retryTimer);
      listeners.clear();
    },
  };
}
