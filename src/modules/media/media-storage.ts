// Where downloaded media lives. Keys are relative paths ("<organizationId>/<yyyy>/<mm>/<messageId>.<ext>").
export type MediaStorage = {
  readonly driver: "local" | "s3";
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  get(key: string): Promise<Uint8Array | null>;
  // Deletes the object; a key that is already gone is not an error (retention and erasure re-run safely).
  remove(key: string): Promise<void>;
};

const EXTENSIONS: Record<string, string> = {
  "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp", "image/gif": "gif",
  "audio/ogg": "ogg", "audio/mpeg": "mp3", "audio/mp4": "m4a", "audio/aac": "aac", "audio/amr": "amr",
  "video/mp4": "mp4", "video/3gpp": "3gp", "application/pdf": "pdf", "text/vcard": "vcf", "text/x-vcard": "vcf",
  "text/plain": "txt",
};

export function mediaStorageKey(input: { organizationId: string; messageId: string; mimeType: string; at: Date }): string {
  const base = input.mimeType.split(";")[0]!.trim().toLowerCase();
  const ext = EXTENSIONS[base] ?? "bin";
  const yyyy = String(input.at.getUTCFullYear());
  const mm = String(input.at.getUTCMonth() + 1).padStart(2, "0");
  return `${input.organizationId}/${yyyy}/${mm}/${input.messageId}.${ext}`;
}
