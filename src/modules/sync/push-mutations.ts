import { createHash } from "node:crypto";
import type { Prisma } from "@campotech/database";
import type { MutationOutcome, SyncJob, SyncMutationResult, SyncPushResponse } from "../../contracts/sync";
import { withTenant } from "../../lib/db";
import { toAppError } from "../../lib/errors";
import { logger } from "../../lib/logger";
import type { JobActor } from "../jobs/job-actor";
import { publishJobChanges } from "../jobs/publish-job-changes";
import type { MediaStorage } from "../media/media-storage";
import { applyMutation, type AppliedMutation } from "./apply-mutation";
import { loadSyncJobs } from "./load-sync-jobs";
import type { SyncMutationInput } from "./sync-mutation.schemas";
import { SyncRetry } from "./sync-retry";

// Errors that are about the mutation (recorded as rejected); anything else is the server's trouble (retry).
const TRANSIENT = new Set(["INTERNAL", "SERVICE_UNAVAILABLE", "RATE_LIMITED"]);

type Decided = { kind: "fresh"; outcome: MutationOutcome } | { kind: "stored"; row: { userId: string; payloadHash: string; result: Prisma.JsonValue } };

// POST /api/sync/push: the batch in order, each mutation in its own transaction together with its idempotency row
// (SyncMutation, unique per organization and mutationId), so a mutation is applied at most once and its answer is
// replayed on every retry. Rules (docs/sync.md):
// - a rejection or a conflict is final and recorded; later mutations still run (the state machine judges each one
//   against the state the earlier ones left — a rejected "en camino" does not make "trabajando" wrong by itself);
// - a "retry" (missing upload, transient failure) is not recorded and holds back every later mutation of the same
//   job in this batch, since they may depend on it; other jobs' mutations go on.
export async function pushMutations(actor: JobActor, mutations: readonly SyncMutationInput[], deps: { storage: MediaStorage }): Promise<SyncPushResponse> {
  const results: SyncMutationResult[] = [];
  const heldBack = new Set<string>();
  const touched = new Set<string>();
  for (const mutation of mutations) {
    const { mutationId } = mutation;
    if (heldBack.has(mutation.jobId)) {
      results.push({ mutationId, status: "retry", code: "WAITING_FOR_EARLIER", message: "Espera a que se envíe un cambio anterior de este trabajo." });
      continue;
    }
    const payloadHash = createHash("sha256").update(JSON.stringify(mutation)).digest("hex");
    try {
      const decided = await decide(actor, mutation, payloadHash, deps.storage);
      results.push(toResult(actor, mutationId, payloadHash, decided));
      if (decided.kind === "fresh") touched.add(mutation.jobId);
    } catch (error) {
      if (error instanceof SyncRetry) {
        heldBack.add(mutation.jobId);
        results.push({ mutationId, status: "retry", code: error.code, message: error.message });
        continue;
      }
      const appError = toAppError(error);
      if (TRANSIENT.has(appError.code)) {
        logger.error({ err: appError.detail ?? appError.message, mutationId, type: mutation.type }, "sync mutation failed");
        heldBack.add(mutation.jobId);
        results.push({ mutationId, status: "retry", code: appError.code, message: "No pudimos guardar este cambio ahora; lo volvemos a intentar." });
        continue;
      }
      const rejected: MutationOutcome = { status: "rejected", code: appError.code, message: appError.message };
      const stored = await record(actor, mutation, payloadHash, rejected);
      results.push(toResult(actor, mutationId, payloadHash, stored ?? { kind: "fresh", outcome: rejected }));
    }
  }
  return { results: await withJobViews(actor, results, mutations.map((m) => m.jobId), touched) };
}

// Claims the mutation id (an insert that waits for a concurrent claim of the same id to commit or roll back), applies
// it, stores the answer — all in one transaction — then tells the dashboards and the notification rules.
async function decide(actor: JobActor, mutation: SyncMutationInput, payloadHash: string, storage: MediaStorage): Promise<Decided> {
  let done: AppliedMutation | undefined;
  const decided = await withTenant(actor.organizationId, async (tx): Promise<Decided> => {
    const claimed = await tx.syncMutation.createMany({ data: [row(actor, mutation, payloadHash, "pending", {})], skipDuplicates: true });
    if (claimed.count === 0) return { kind: "stored", row: await storedRow(tx, mutation.mutationId, actor.organizationId) };
    done = await applyMutation(tx, actor, mutation, storage);
    await tx.syncMutation.update({
      where: { organizationId_mutationId: { organizationId: actor.organizationId, mutationId: mutation.mutationId } },
      data: { status: done.outcome.status, result: done.outcome as unknown as Prisma.InputJsonValue },
    });
    return { kind: "fresh", outcome: done.outcome };
  });
  if (done) {
    // Committed already: a Redis hiccup here must not turn an applied change into an error the phone would retry.
    await publishJobChanges(done.publish).catch((error: unknown) => logger.warn({ err: error, mutationId: mutation.mutationId }, "sync publish failed"));
  }
  return decided;
}

// A rejection is recorded after its transaction rolled back (nothing of the mutation stays but the answer).
async function record(actor: JobActor, mutation: SyncMutationInput, payloadHash: string, outcome: MutationOutcome): Promise<Decided | null> {
  return withTenant(actor.organizationId, async (tx) => {
    const claimed = await tx.syncMutation.createMany({ data: [row(actor, mutation, payloadHash, outcome.status, outcome)], skipDuplicates: true });
    return claimed.count === 0 ? { kind: "stored", row: await storedRow(tx, mutation.mutationId, actor.organizationId) } : null;
  });
}

function row(actor: JobActor, mutation: SyncMutationInput, payloadHash: string, status: string, result: unknown): Prisma.SyncMutationCreateManyInput {
  return {
    organizationId: actor.organizationId, mutationId: mutation.mutationId, userId: actor.userId, jobId: mutation.jobId, type: mutation.type,
    payloadHash, status, result: result as Prisma.InputJsonValue, clientCreatedAt: new Date(mutation.createdAt),
  };
}

async function storedRow(tx: Parameters<Parameters<typeof withTenant>[1]>[0], mutationId: string, organizationId: string) {
  return tx.syncMutation.findUniqueOrThrow({
    where: { organizationId_mutationId: { organizationId, mutationId } }, select: { userId: true, payloadHash: true, result: true },
  });
}

function toResult(actor: JobActor, mutationId: string, payloadHash: string, decided: Decided): SyncMutationResult {
  if (decided.kind === "fresh") return { mutationId, ...decided.outcome };
  // The same id from someone else, or with another body, is a client bug: refused, never mistaken for a replay.
  if (decided.row.userId !== actor.userId || decided.row.payloadHash !== payloadHash) {
    return { mutationId, status: "rejected", code: "MUTATION_ID_REUSED", message: "Ese identificador de cambio ya se usó para otro cambio." };
  }
  return { mutationId, status: "duplicate", original: decided.row.result as unknown as MutationOutcome };
}

// Fresh answers carry the job as it is now (totals the server computed, the status it holds), read once per job; null
// when it is not (or no longer) this person's.
async function withJobViews(actor: JobActor, results: SyncMutationResult[], jobIds: readonly string[], touched: Set<string>): Promise<SyncMutationResult[]> {
  if (!touched.size) return results;
  const views = await withTenant(actor.organizationId, (tx) => loadSyncJobs(tx, actor, [...touched]));
  const mine = new Map<string, SyncJob>(views.filter((j) => j.technicianId === actor.userId).map((j) => [j.id, j]));
  return results.map((result, i) => ("job" in result ? { ...result, job: mine.get(jobIds[i]!) ?? null } : result));
}
