import type { TenantTx } from "../../lib/db";
import { AppError } from "../../lib/errors";
import type { MediaStorage } from "../media/media-storage";
import { getJobRowOrThrow } from "./get-job-row-or-throw";
import type { JobActor } from "./job-actor";

// A job's photo or signature, under the job's visibility (a technician only reaches the jobs assigned to them).
export async function getJobAttachment(
  tx: TenantTx,
  actor: JobActor,
  input: { jobId: string; attachmentId: string },
  storage: MediaStorage,
): Promise<{ bytes: Uint8Array; mimeType: string; kind: "PHOTO" | "SIGNATURE" }> {
  const job = await getJobRowOrThrow(tx, actor, input.jobId);
  const row = await tx.jobAttachment.findFirst({ where: { id: input.attachmentId, jobId: job.id }, select: { storageKey: true, mimeType: true, kind: true } });
  if (!row) throw new AppError("NOT_FOUND", { message: "No encontramos ese adjunto." });
  const bytes = await storage.get(row.storageKey);
  if (!bytes) throw new AppError("NOT_FOUND", { message: "El archivo ya no está en el almacenamiento." });
  return { bytes, mimeType: row.mimeType, kind: row.kind };
}
