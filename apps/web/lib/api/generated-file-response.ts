import { FILE_CSP } from "./file-response";

// A file we generate from the organization's own settings (its QR, its printable card): shown inline — the settings
// page previews the QR in an <img> — and saved under a readable name. Not cached: the link changes when the prefilled
// message is edited, and the preview must follow at once. Images and SVG get the sandboxed file CSP (an SVG is a
// document that could carry script; ours never does, and the header makes sure it could not run if it did).
export function generatedFileResponse(body: Uint8Array | string, options: { contentType: string; filename: string; requestId?: string }): Response {
  const bytes = typeof body === "string" ? new TextEncoder().encode(body) : new Uint8Array(body);
  const ascii = options.filename.replace(/[^\x20-\x7e]/g, "_").replace(/["%;\\]/g, "_");
  return new Response(bytes, {
    headers: {
      "content-type": options.contentType,
      "content-disposition": `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(options.filename)}`,
      ...(options.contentType === "application/pdf" ? {} : { "content-security-policy": FILE_CSP }),
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-cache",
      ...(options.requestId ? { "x-request-id": options.requestId } : {}),
    },
  });
}
