import type { IncomingMessage } from "node:http";
import { AppError } from "@campotech/core/lib/errors";

/**
 * The request body as the exact bytes received, never more than maxBytes in memory — the node:http twin of
 * apps/web/lib/read-raw-body.ts: a declared Content-Length over the limit is refused before reading, a chunked or
 * lying body as soon as the running count passes the limit (the caller then closes the connection).
 */
export function readNodeBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers["content-length"] ?? "");
  if (Number.isFinite(declared) && declared > maxBytes) return Promise.reject(tooLarge(declared, maxBytes));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const onData = (chunk: Buffer) => {
      total += chunk.length;
      if (total > maxBytes) {
        req.off("data", onData).off("end", onEnd);
        reject(tooLarge(total, maxBytes));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total));
    req.on("data", onData).on("end", onEnd).once("error", reject);
  });
}

function tooLarge(bytes: number, maxBytes: number): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", { detail: `webhook body of at least ${bytes} bytes > ${maxBytes}` });
}
