import { createHash } from "node:crypto";
import { SYNC_UPLOAD_MAX_BYTES, SYNC_UPLOAD_TYPES, type SyncUploadResponse } from "../../contracts/sync";
import type { TenantTx } from "../../lib/db";
import { AppError } from "../../lib/errors";
import type { JobActor } from "../jobs/job-actor";
import { sniffImageType } from "../jobs/sniff-image-type";
import type { MediaStorage } from "../media/media-storage";

const EXT: Record<string, string> = { "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp" };
const TYPES_MESSAGE = "El archivo tiene que ser una foto JPEG, PNG o WebP de hasta 10 MB.";

// PUT /api/sync/uploads/:sha256 — a photo or signature's bytes, addressed by their SHA-256, before a mutation attaches
// them. Idempotent: the same hash again answers the stored upload (created: false) without storing anything. The hash
// is checked on the bytes received (a cut-off upload never passes for the whole file) and the type on their first
// bytes; per-kind limits (a signature is a PNG ≤ 1 MB) apply when attaching, through addJobAttachment.
export async function storeUpload(
  tx: TenantTx,
  actor: JobActor,
  input: { sha256: string; declaredMimeType: string | null; bytes: Uint8Array },
  storage: MediaStorage,
): Promise<SyncUploadResponse> {
  const existing = await tx.syncUpload.findUnique({ where: { organizationId_sha256: { organizationId: actor.organizationId, sha256: input.sha256 } } });
  if (existing) return { sha256: existing.sha256, uploadId: existing.id, mimeType: existing.mimeType, size: existing.size, created: false };
  if (input.bytes.byteLength === 0) throw new AppError("VALIDATION_FAILED", { message: "El archivo llegó vacío.", fields: { body: "Vacío." } });
  if (input.bytes.byteLength > SYNC_UPLOAD_MAX_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", { message: TYPES_MESSAGE });
  const actual = createHash("sha256").update(input.bytes).digest("hex");
  if (actual !== input.sha256) {
    throw new AppError("VALIDATION_FAILED", { message: "El archivo no coincide con su hash (¿se cortó la subida?): volvé a subirlo.", fields: { sha256: "No coincide." } });
  }
  const sniffed = sniffImageType(input.bytes);
  const declared = input.declaredMimeType?.split(";")[0]!.trim().toLowerCase() ?? null;
  if (!sniffed || !(SYNC_UPLOAD_TYPES as readonly string[]).includes(sniffed) || (declared && declared !== "application/octet-stream" && declared !== sniffed)) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", { message: TYPES_MESSAGE });
  }
  const storageKey = `${actor.organizationId}/uploads/${input.sha256}.${EXT[sniffed]}`;
  // Same key for the same bytes: two racing uploads write identical files, and one row wins below.
  await storage.put(storageKey, input.bytes, sniffed);
  await tx.syncUpload.createMany({
    data: [{ organizationId: actor.organizationId, sha256: input.sha256, mimeType: sniffed, size: input.bytes.byteLength, storageKey, uploadedById: actor.userId }],
    skipDuplicates: true,
  });
  const row = await tx.syncUpload.findUniqueOrThrow({ where: { organizationId_sha256: { organizationId: actor.organizationId, sha256: input.sha256 } } });
  return { sha256: row.sha256, uploadId: row.id, mimeType: row.mimeType, size: row.size, created: true };
}
