import { env } from "@campotech/core/lib/env";
import { AppError } from "@campotech/core/lib/errors";

/**
 * The request body as the exact bytes received (signatures are computed over them), never more than maxBytes in
 * memory: a declared Content-Length over the limit is refused before reading, and a chunked or lying body is cut off
 * as soon as the running count passes the limit.
 */
export async function readRawBody(request: Request, maxBytes: number = env.WEBHOOK_MAX_BODY_BYTES): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(declared, maxBytes);
  if (!request.body) return Buffer.alloc(0);
  // With a Content-Length within the limit, HTTP/1.1 framing ends the body there: read it in one go (faster).
  if (request.headers.has("content-length") && Number.isFinite(declared)) {
    const bytes = Buffer.from(await request.arrayBuffer());
    if (bytes.length > maxBytes) throw tooLarge(bytes.length, maxBytes);
    return bytes;
  }
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(total, maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

function tooLarge(bytes: number, maxBytes: number): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", { detail: `webhook body of at least ${bytes} bytes > ${maxBytes}` });
}
