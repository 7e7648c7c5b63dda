import { createHash, randomUUID } from "node:crypto";
import type { JobAttachmentKind } from "@campotech/database";
import type { TenantTx } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { appendAuditLog } from "../audit/append-audit-log";
import type { MediaStorage } from "../media/media-storage";
import { getJobRowOrThrow } from "./get-job-row-or-throw";
import type { JobActor } from "./job-actor";
import { sniffImageType } from "./sniff-image-type";

const RULES: Record<JobAttachmentKind, { types: readonly string[]; maxBytes: number; label: string }> = {
  PHOTO: { types: ["image/jpeg", "image/png", "image/webp"], maxBytes: 10 * 1024 * 1024, label: "La foto tiene que ser JPEG, PNG o WebP de hasta 10 MB." },
  SIGNATURE: { types: ["image/png"], maxBytes: 1024 * 1024, label: "La firma tiene que ser un PNG de hasta 1 MB." },
};

const EXT: Record<string, string> = { "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp" };

export type AttachmentInput = { kind: JobAttachmentKind; declaredMimeType: string; bytes: Uint8Array };

// Validated before anything is stored. The file is written before the row: if the transaction then fails, an
// unreferenced file remains (harmless), never a row pointing at nothing.
export async function addJobAttachment(
  tx: TenantTx,
  actor: JobActor,
  jobId: string,
  input: AttachmentInput,
  storage: MediaStorage,
): Promise<{ id: string; kind: JobAttachmentKind; mimeType: string; size: number; createdAt: Date }> {
  const job = await getJobRowOrThrow(tx, actor, jobId);
  const rule = RULES[input.kind]!;
  if (input.bytes.byteLength === 0 || input.bytes.byteLength > rule.maxBytes) {
    throw new AppError(input.bytes.byteLength > rule.maxBytes ? "PAYLOAD_TOO_LARGE" : "VALIDATION_FAILED", { message: rule.label, fields: { file: rule.label } });
  }
  const sniffed = sniffImageType(input.bytes);
  const declared = input.declaredMimeType.split(";")[0]!.trim().toLowerCase();
  if (!sniffed || sniffed !== declared || !rule.types.includes(sniffed)) {
    throw new AppError("VALIDATION_FAILED", { message: rule.label, fields: { file: rule.label } });
  }
  const id = randomUUID();
  const storageKey = `${actor.organizationId}/jobs/${job.id}/${id}.${EXT[sniffed]}`;
  await storage.put(storageKey, input.bytes, sniffed);
  const attachment = await tx.jobAttachment.create({
    data: { id, organizationId: actor.organizationId, jobId: job.id, kind: input.kind, storageKey, mimeType: sniffed, size: input.bytes.byteLength, uploadedById: actor.userId,
      sha256: createHash("sha256").update(input.bytes).digest("hex") },
    select: { id: true, kind: true, mimeType: true, size: true, createdAt: true },
  });
  await appendAuditLog(tx, {
    organizationId: actor.organizationId, actorType: "USER", actorId: actor.userId, action: "job.attachment_added", entityType: "Job", entityId: job.id,
    metadata: { attachmentId: id, kind: input.kind, size: attachment.size },
  });
  return attachment;
}
