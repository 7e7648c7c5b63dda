import { createHash, randomBytes } from "node:crypto";
import { newGraphId } from "../ids.ts";
import type { BusinessNumber, SandboxState, StoredMedia } from "../state.ts";

const MB = 1024 * 1024;

// Meta's accepted upload types and size caps (reference §2).
const LIMITS: { kind: string; types: string[]; maxBytes: number }[] = [
  { kind: "audio", types: ["audio/aac", "audio/amr", "audio/mpeg", "audio/mp4", "audio/ogg"], maxBytes: 16 * MB },
  {
    kind: "document",
    types: [
      "text/plain",
      "application/pdf",
      "application/msword",
      "application/vnd.ms-excel",
      "application/vnd.ms-powerpoint",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ],
    maxBytes: 100 * MB,
  },
  { kind: "image", types: ["image/jpeg", "image/png"], maxBytes: 5 * MB },
  { kind: "sticker", types: ["image/webp"], maxBytes: 500 * 1024 },
  { kind: "video", types: ["video/mp4", "video/3gpp"], maxBytes: 16 * MB },
];

export const SUPPORTED_MIME_TYPES = LIMITS.flatMap((l) => l.types);

/** "audio/ogg; codecs=opus" → "audio/ogg". */
export function baseMime(mime: string): string {
  return (mime.split(";")[0] ?? "").trim().toLowerCase();
}

/** Why Meta would refuse this upload, or undefined when it is acceptable. */
export function uploadProblem(mime: string, size: number): string | undefined {
  const limit = LIMITS.find((l) => l.types.includes(baseMime(mime)));
  if (!limit) {
    return `Param file must be a file with one of the following types: ${SUPPORTED_MIME_TYPES.join(", ")}. Received file of type '${baseMime(mime)}'.`;
  }
  if (size > limit.maxBytes) return `File size ${size} bytes exceeds the maximum of ${limit.maxBytes} bytes allowed for ${limit.kind} (${baseMime(mime)})`;
  if (size === 0) return "Param file must not be empty";
  return undefined;
}

export function saveMedia(
  state: SandboxState,
  owner: BusinessNumber,
  data: Buffer,
  mimeType: string,
  filename?: string,
): StoredMedia {
  const media: StoredMedia = {
    id: newGraphId(),
    owner: owner.phoneNumberId,
    provider: owner.provider,
    mimeType,
    sha256: createHash("sha256").update(data).digest("hex"),
    size: data.length,
    data,
    downloadToken: randomBytes(18).toString("base64url"),
    createdAt: new Date().toISOString(),
    ...(filename ? { filename } : {}),
  };
  state.media.set(media.id, media);
  return media;
}

export function extensionFor(mime: string): string {
  const map: Record<string, string> = {
    "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp", "audio/ogg": "ogg", "audio/mpeg": "mp3",
    "audio/aac": "aac", "audio/amr": "amr", "audio/mp4": "m4a", "video/mp4": "mp4", "video/3gpp": "3gp",
    "application/pdf": "pdf", "text/plain": "txt",
  };
  return map[baseMime(mime)] ?? "bin";
}

/** Query string of a lookaside-style download URL. */
export function downloadQuery(media: StoredMedia): string {
  const hash = createHash("sha1").update(media.downloadToken).digest("base64url").slice(0, 22);
  return `mid=${media.id}&ext=${extensionFor(media.mimeType)}&hash=${hash}`;
}

/** The metadata body of GET /{media-id}. */
export function mediaInfo(media: StoredMedia, url: string): Record<string, unknown> {
  return { messaging_product: "whatsapp", url, mime_type: media.mimeType, sha256: media.sha256, file_size: media.size, id: media.id };
}

// Tiny valid files so simulated customers can "send a photo" without attaching one.
const SAMPLES: Record<string, { mime: string; base64: string; filename?: string }> = {
  image: { mime: "image/png", base64: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==" },
  sticker: { mime: "image/webp", base64: "UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==" },
  audio: { mime: "audio/mpeg", base64: "SUQzBAAAAAAAAA==" },
  voice: { mime: "audio/ogg; codecs=opus", base64: "T2dnUwACAAAAAAAAAAA=" },
  video: { mime: "video/mp4", base64: "AAAAGGZ0eXBtcDQyAAAAAG1wNDJpc29t" },
  document: { mime: "application/pdf", base64: "JVBERi0xLjQKJcOkw7zDtsOfCjEgMCBvYmoKPDw+PgplbmRvYmoKdHJhaWxlcgo8PD4+CiUlRU9GCg==", filename: "presupuesto.pdf" },
};

export function sampleMedia(type: string): { mime: string; data: Buffer; filename?: string } {
  const s = SAMPLES[type] ?? SAMPLES.document!;
  return { mime: s.mime, data: Buffer.from(s.base64, "base64"), ...(s.filename ? { filename: s.filename } : {}) };
}
