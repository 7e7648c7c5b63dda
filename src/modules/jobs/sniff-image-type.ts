import { sniffMediaType } from "../media/sniff-media-type";

// The declared content type is the client's word; the first bytes are the file's. Only the formats we accept.
export function sniffImageType(bytes: Uint8Array): "image/jpeg" | "image/png" | "image/webp" | null {
  const type = sniffMediaType(bytes);
  return type === "image/jpeg" || type === "image/png" || type === "image/webp" ? type : null;
}
