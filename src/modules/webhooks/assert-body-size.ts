import { env } from "../../lib/env";
import { AppError } from "../../lib/errors";

// The HTTP adapter already stops reading past the limit; this guards every other caller of the accept functions.
export function assertBodySize(rawBody: Buffer, maxBytes: number = env.WEBHOOK_MAX_BODY_BYTES): void {
  if (rawBody.length > maxBytes) {
    throw new AppError("PAYLOAD_TOO_LARGE", { detail: `webhook body of ${rawBody.length} bytes > ${maxBytes}` });
  }
}
