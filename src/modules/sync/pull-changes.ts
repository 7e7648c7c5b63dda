import type { Prisma } from "@campotech/database";
import { SYNC_PROTOCOL_VERSION, type SyncPriceListItem, type SyncPullResponse, type SyncTombstone } from "../../contracts/sync";
import type { TenantTx } from "../../lib/db";
import type { JobActor } from "../jobs/job-actor";
import { loadSyncJobs } from "./load-sync-jobs";
import { decodeSyncCursor, encodeSyncCursor, type SyncCursorState } from "./sync-cursor";
import { inSyncWindow, syncWindow, type SyncWindow } from "./sync-window";

const MAX_SEQ = "9223372036854775807";

// GET /api/sync/pull: what changed in the actor's view ("assigned to me", in the window) since the cursor.
//
// Why transaction ids and not timestamps or a plain sequence: a change-log row's sequence (or updatedAt) is taken
// when it is written, but transactions commit in any order — a reader could pass sequence 11 while 10 is still
// uncommitted and never see 10. Each row carries its writer's transaction id, and a pull only reads rows of
// transactions older than the oldest one still running (the snapshot's xmin): those are all finished, so nothing can
// later appear behind the cursor. A long-running write transaction delays sync (never loses it).
export async function pullChanges(
  tx: TenantTx,
  actor: JobActor,
  input: { cursor?: string; limit: number; now?: Date },
): Promise<SyncPullResponse> {
  const now = input.now ?? new Date();
  const window = syncWindow(now);
  const decoded = decodeSyncCursor(input.cursor);
  const state: SyncCursorState = decoded && decoded.day === window.day ? decoded : { v: 1, day: window.day, phase: "snapshot", horizon: await horizon(tx), after: "" };
  const page = state.phase === "snapshot" ? await snapshotPage(tx, actor, window, state, input.limit) : await changesPage(tx, actor, window, state, input.limit);
  return {
    protocol: SYNC_PROTOCOL_VERSION, ...page, serverTime: now.toISOString(), window: { from: window.from, to: window.to },
  };
}

type Page = Pick<SyncPullResponse, "reset" | "jobs" | "removed" | "priceList" | "cursor" | "hasMore">;

async function horizon(tx: TenantTx): Promise<string> {
  const [row] = await tx.$queryRaw<{ xmin: string }[]>`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin`;
  return row!.xmin;
}

const inViewWhere = (actor: JobActor, window: SyncWindow): Prisma.JobWhereInput => ({
  technicianId: actor.userId,
  OR: [{ scheduledStart: { gte: window.start, lt: window.end } }, { status: { in: ["en_camino", "working"] } }],
});

// A full pull, paged by job id. Changes committed while it pages are delivered by the change phase that follows
// (from the horizon taken before the first page), so a job edited mid-snapshot is at worst sent twice.
async function snapshotPage(tx: TenantTx, actor: JobActor, window: SyncWindow, state: Extract<SyncCursorState, { phase: "snapshot" }>, limit: number): Promise<Page> {
  const rows = await tx.job.findMany({
    where: { ...inViewWhere(actor, window), ...(state.after ? { id: { gt: state.after } } : {}) },
    orderBy: { id: "asc" }, take: limit, select: { id: true },
  });
  const jobs = await loadSyncJobs(tx, actor, rows.map((r) => r.id));
  const priceList = state.after === "" ? await activePriceList(tx) : null;
  const last = rows.at(-1)?.id;
  // A full page may have more; a short one ends the snapshot and hands over to the change phase (hasMore stays true
  // so the client asks once more and learns the snapshot is over).
  const cursor: SyncCursorState = rows.length === limit && last
    ? { ...state, after: last }
    : { v: 1, day: state.day, phase: "changes", txid: state.horizon, seq: "0" };
  return { reset: true, jobs, removed: [], priceList, cursor: encodeSyncCursor(cursor), hasMore: true };
}

async function changesPage(tx: TenantTx, actor: JobActor, window: SyncWindow, state: Extract<SyncCursorState, { phase: "changes" }>, limit: number): Promise<Page> {
  const xmin = await horizon(tx);
  const rows = await tx.$queryRaw<{ id: string; txid: string; jobId: string | null; kind: string }[]>`
    SELECT "id"::text AS id, "txid"::text AS txid, "jobId", "kind" FROM "SyncChange"
     WHERE "organizationId" = ${actor.organizationId}
       AND ("technicianId" = ${actor.userId} OR "kind" = 'price_list')
       AND "txid" < ${xmin}::bigint
       AND ("txid", "id") > (${state.txid}::bigint, ${state.seq}::bigint)
     ORDER BY "txid", "id"
     LIMIT ${limit}`;
  const hasMore = rows.length === limit;
  const last = rows.at(-1);
  // Nothing more below the horizon: jump the cursor to it (every transaction before it has finished and was read),
  // so the next scan starts there. Otherwise stop at the last row delivered.
  const next: SyncCursorState = !hasMore && BigInt(xmin) - 1n > BigInt(state.txid)
    ? { ...state, txid: (BigInt(xmin) - 1n).toString(), seq: MAX_SEQ }
    : last ? { ...state, txid: last.txid, seq: last.id } : state;
  const jobIds = [...new Set(rows.flatMap((r) => (r.kind === "job" && r.jobId ? [r.jobId] : [])))];
  const current = jobIds.length
    ? await tx.job.findMany({ where: { id: { in: jobIds } }, select: { id: true, technicianId: true, status: true, scheduledStart: true } })
    : [];
  const byId = new Map(current.map((j) => [j.id, j]));
  const visible: string[] = [];
  const removed: SyncTombstone[] = [];
  for (const jobId of jobIds) {
    const job = byId.get(jobId);
    if (!job) removed.push({ jobId, reason: "deleted" });
    else if (job.technicianId !== actor.userId) removed.push({ jobId, reason: "reassigned" });
    else if (!inSyncWindow(job, window)) removed.push({ jobId, reason: "out_of_window" });
    else visible.push(jobId);
  }
  const priceList = rows.some((r) => r.kind === "price_list") ? await activePriceList(tx) : null;
  return { reset: false, jobs: await loadSyncJobs(tx, actor, visible), removed, priceList, cursor: encodeSyncCursor(next), hasMore };
}

async function activePriceList(tx: TenantTx): Promise<SyncPriceListItem[]> {
  return tx.priceListItem.findMany({
    where: { active: true }, orderBy: [{ serviceType: "asc" }, { code: "asc" }],
    select: { id: true, code: true, name: true, description: true, serviceType: true, unit: true, priceCents: true, ivaRateBps: true },
  });
}
