import type { UploadedFile } from "./types.ts";

// Minimal multipart/form-data parser: enough for Graph/360dialog media uploads (a few text fields and one file).
export function parseMultipart(
  contentType: string,
  raw: Buffer,
): { fields: Record<string, string>; files: UploadedFile[] } | undefined {
  const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  if (!boundary) return undefined;
  const delimiter = Buffer.from(`--${boundary}`);
  const fields: Record<string, string> = {};
  const files: UploadedFile[] = [];
  let pos = raw.indexOf(delimiter);
  if (pos < 0) return undefined;
  while (true) {
    pos += delimiter.length;
    // "--" after a delimiter marks the end.
    if (raw[pos] === 0x2d && raw[pos + 1] === 0x2d) break;
    if (raw[pos] === 0x0d && raw[pos + 1] === 0x0a) pos += 2;
    const next = raw.indexOf(delimiter, pos);
    if (next < 0) break;
    // The part ends with CRLF before the next delimiter.
    const part = raw.subarray(pos, next - 2 >= pos ? next - 2 : next);
    const headerEnd = part.indexOf("\r\n\r\n");
    if (headerEnd >= 0) {
      const headers = part.subarray(0, headerEnd).toString("utf8");
      const data = part.subarray(headerEnd + 4);
      const disposition = /content-disposition:([^\r\n]*)/i.exec(headers)?.[1] ?? "";
      const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
      const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
      const mimeType = /content-type:\s*([^\r\n]*)/i.exec(headers)?.[1]?.trim() ?? "application/octet-stream";
      if (name !== undefined) {
        if (filename !== undefined) files.push({ field: name, filename, mimeType, data: Buffer.from(data) });
        else fields[name] = data.toString("utf8");
      }
    }
    pos = next;
  }
  return { fields, files };
}
