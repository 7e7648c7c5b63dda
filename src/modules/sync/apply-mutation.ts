import type { MutationOutcome } from "../../contracts/sync";
import type { TenantTx } from "../../lib/db";
import { AppError } from "../../lib/errors";
import type { OrganizationEvent } from "../events/organization-event";
import { addJobAttachment } from "../jobs/add-job-attachment";
import { addJobTimeEntry } from "../jobs/add-job-time-entry";
import { getJobRowOrThrow } from "../jobs/get-job-row-or-throw";
import { writesAllJobs, type JobActor } from "../jobs/job-actor";
import { setLineItems } from "../jobs/set-line-items";
import { transitionJob } from "../jobs/transition-job";
import { updateJob } from "../jobs/update-job";
import type { MediaStorage } from "../media/media-storage";
import type { JobChange } from "../notifications/job-change.schemas";
import { setJobLocation } from "../tracking/set-job-location";
import { linesVersion } from "./load-sync-jobs";
import type { SyncMutationInput } from "./sync-mutation.schemas";
import { SyncRetry } from "./sync-retry";

export type AppliedMutation = { outcome: MutationOutcome; publish: { events?: OrganizationEvent[]; changes?: JobChange[] } };

const FIELD_LABEL = { notes: "las notas", description: "la descripción" } as const;

// One pushed mutation through the same domain functions the web uses (state machine, permissions, validation). Throws
// AppError for a rejection, SyncRetry for "not now"; returns a conflict instead of overwriting newer text or lines.
// The job row is locked first for compare-and-set, so a concurrent web edit cannot slip between the check and the write.
export async function applyMutation(tx: TenantTx, actor: JobActor, mutation: SyncMutationInput, storage: MediaStorage): Promise<AppliedMutation> {
  const applied = (publish: AppliedMutation["publish"] = {}): AppliedMutation => ({ outcome: { status: "applied", job: null }, publish });
  switch (mutation.type) {
    case "transition": {
      const result = await transitionJob(tx, actor, mutation.jobId, { to: mutation.to, note: mutation.note, occurredAt: new Date(mutation.createdAt) });
      return applied(result);
    }
    case "set_line_items": {
      await lockJob(tx, actor, mutation.jobId);
      const current = await tx.jobLineItem.findMany({
        where: { jobId: mutation.jobId }, orderBy: { position: "asc" },
        select: { priceListItemId: true, description: true, quantityMilli: true, unitPriceCents: true, ivaRateBps: true },
      });
      if (linesVersion(current) !== mutation.baseLinesVersion) {
        return conflict("lineItems", current, "El presupuesto cambió desde la oficina mientras no tenías señal: revisá las líneas antes de volver a cargarlas.");
      }
      await setLineItems(tx, actor, mutation.jobId, mutation.lines);
      return applied();
    }
    case "set_text": {
      const job = await lockJob(tx, actor, mutation.jobId);
      if (mutation.field === "description" && !writesAllJobs(actor)) {
        throw new AppError("FORBIDDEN", { message: "La descripción la cambia la oficina; anotá lo que viste en las notas del trabajo." });
      }
      const now = job[mutation.field];
      if (now === mutation.value) return applied();
      if (now !== mutation.base) {
        return conflict(mutation.field, now, `Alguien cambió ${FIELD_LABEL[mutation.field]} mientras tanto: no pisamos su versión. Revisala y volvé a escribir lo tuyo.`);
      }
      if (mutation.field === "description" && !mutation.value.trim()) throw new AppError("VALIDATION_FAILED", { message: "Describí el trabajo.", fields: { value: "Describí el trabajo." } });
      return applied(await updateJob(tx, actor, mutation.jobId, { [mutation.field]: mutation.value }));
    }
    case "attach": {
      const job = await getJobRowOrThrow(tx, actor, mutation.jobId);
      const upload = await tx.syncUpload.findUnique({ where: { organizationId_sha256: { organizationId: actor.organizationId, sha256: mutation.sha256 } } });
      if (!upload) throw new SyncRetry("UPLOAD_MISSING", "Falta subir el archivo; lo volvemos a intentar.");
      // The same bytes attached again (a double tap, a re-queued photo) are the same attachment.
      const same = await tx.jobAttachment.findFirst({ where: { jobId: job.id, sha256: mutation.sha256, kind: mutation.kind }, select: { id: true } });
      if (same) return applied();
      const bytes = await storage.get(upload.storageKey);
      if (!bytes) {
        // The row outlived its file: forget it so the phone's next upload stores the bytes again.
        await tx.syncUpload.delete({ where: { id: upload.id } });
        throw new SyncRetry("UPLOAD_MISSING", "Falta subir el archivo; lo volvemos a intentar.");
      }
      await addJobAttachment(tx, actor, job.id, { kind: mutation.kind, declaredMimeType: upload.mimeType, bytes }, storage);
      return applied();
    }
    case "log_time": {
      await addJobTimeEntry(tx, actor, mutation.jobId, {
        entryId: mutation.entryId, minutes: mutation.minutes,
        startedAt: mutation.startedAt ? new Date(mutation.startedAt) : undefined, endedAt: mutation.endedAt ? new Date(mutation.endedAt) : undefined,
      });
      return applied();
    }
    case "set_location":
      return applied(await setJobLocation(tx, actor, mutation.jobId, { lat: mutation.lat, lng: mutation.lng }));
  }
}

function conflict(field: "notes" | "description" | "lineItems", serverValue: unknown, message: string): AppliedMutation {
  return { outcome: { status: "conflict", field, serverValue, message, job: null }, publish: {} };
}

// Visible to the actor (else not found), then locked until the end of the mutation's transaction.
async function lockJob(tx: TenantTx, actor: JobActor, jobId: string) {
  const job = await getJobRowOrThrow(tx, actor, jobId);
  await tx.$executeRaw`SELECT 1 FROM "Job" WHERE "id" = ${job.id} FOR UPDATE`;
  return tx.job.findUniqueOrThrow({ where: { id: job.id }, select: { id: true, notes: true, description: true } });
}
