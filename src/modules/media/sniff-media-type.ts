// What a file is, from its first bytes. The declared content type is the sender's word (a customer's phone, the
// provider's header); the bytes are the file's. Only the formats WhatsApp carries and a browser can show inline
// are recognized; anything else is null and is only ever offered as a download.
export type SniffedMediaType =
  | "image/jpeg" | "image/png" | "image/webp" | "image/gif"
  | "audio/ogg" | "audio/mpeg" | "audio/mp4" | "audio/amr"
  | "video/mp4" | "video/3gpp" | "video/webm"
  | "application/pdf";

const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));

export function sniffMediaType(bytes: Uint8Array): SniffedMediaType | null {
  const starts = (sig: number[], at = 0) => bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b);
  if (starts([0xff, 0xd8, 0xff])) return "image/jpeg";
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return "image/webp";
  if (ascii(bytes, 0, 6) === "GIF87a" || ascii(bytes, 0, 6) === "GIF89a") return "image/gif";
  if (ascii(bytes, 0, 4) === "OggS") return "audio/ogg";
  if (ascii(bytes, 0, 6) === "#!AMR\n") return "audio/amr";
  if (ascii(bytes, 0, 3) === "ID3" || (bytes.length > 1 && bytes[0] === 0xff && (bytes[1]! & 0xe0) === 0xe0 && (bytes[1]! & 0x06) !== 0)) return "audio/mpeg";
  if (starts([0x1a, 0x45, 0xdf, 0xa3])) return "video/webm";
  if (ascii(bytes, 4, 8) === "ftyp") {
    const brand = ascii(bytes, 8, 12);
    if (brand.startsWith("3g")) return "video/3gpp";
    if (brand === "M4A " || brand === "M4B ") return "audio/mp4";
    return "video/mp4";
  }
  if (ascii(bytes, 0, 5) === "%PDF-") return "application/pdf";
  return null;
}

// Shown in the browser only when the bytes are one of these; everything else (SVG, HTML, PDF, office files,
// unknown) is a download. A PDF is a download too: its viewer runs script, and we serve it from our own origin.
const INLINE = new Set<SniffedMediaType>([
  "image/jpeg", "image/png", "image/webp", "image/gif",
  "audio/ogg", "audio/mpeg", "audio/mp4", "audio/amr",
  "video/mp4", "video/3gpp", "video/webm",
]);

export function isInlineMediaType(type: SniffedMediaType | null): type is SniffedMediaType {
  return type !== null && INLINE.has(type);
}
