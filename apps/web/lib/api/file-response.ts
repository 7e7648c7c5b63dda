import { isInlineMediaType, sniffMediaType } from "@campotech/core/modules/media";

// How every stored file leaves the server (customer media, job photos): the type comes from the bytes, never from
// what the sender declared. Images, audio and video the bytes prove are shown inline; anything else — SVG and HTML
// with script in them, PDFs, unknown files — is a download. Either way the response is a sandboxed document with
// no scripts, no plugins, no sniffing and no embedding by other sites, so a file opened in a new tab of the
// dashboard (same origin, signed in) can never act as the person who opened it.
export const FILE_CSP = "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox";

export function fileResponse(bytes: Uint8Array, options: { filename?: string | null; fallbackName: string; requestId?: string }): Response {
  const sniffed = sniffMediaType(bytes);
  const inline = isInlineMediaType(sniffed);
  const type = inline || sniffed === "application/pdf" ? sniffed! : "application/octet-stream";
  const name = safeFilename(options.filename) ?? options.fallbackName;
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": type,
      "content-disposition": `${inline ? "inline" : "attachment"}; ${dispositionName(name)}`,
      "content-security-policy": FILE_CSP,
      "x-content-type-options": "nosniff",
      "cross-origin-resource-policy": "same-origin",
      "cache-control": "private, max-age=3600",
      ...(options.requestId ? { "x-request-id": options.requestId } : {}),
    },
  });
}

// A customer chooses the name: no path, no control characters, no quotes, at most 120 characters.
function safeFilename(raw: string | null | undefined): string | null {
  if (!raw) return null;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is being removed
  const cleaned = raw.replace(/[\u0000-\u001f\u007f"\\/]+/g, "_").replace(/^\.+/, "").trim().slice(0, 120);
  return cleaned || null;
}

// RFC 6266: an ASCII fallback plus the UTF-8 name ("presupuesto_baño.pdf").
function dispositionName(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, "_").replace(/[%;]/g, "_");
  return `filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

// A PDF we generated ourselves (an invoice): shown inline so the browser's viewer opens it, downloaded under its
// name. No sandbox (the viewer refuses to run in one); nothing in it comes from a customer but text we laid out.
export function pdfResponse(bytes: Uint8Array, options: { filename: string; requestId?: string }): Response {
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `inline; ${dispositionName(safeFilename(options.filename) ?? "comprobante.pdf")}`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, max-age=3600",
      ...(options.requestId ? { "x-request-id": options.requestId } : {}),
    },
  });
}
