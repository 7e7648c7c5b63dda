import type { Reply, RequestContext } from "../http/types.ts";
import { incorrectKeyError, missingKeyError } from "./errors.ts";

// Any Bearer key works (local OpenAI-compatible servers accept anything), except keys starting with "sk-invalid":
// those get OpenAI's "Incorrect API key provided" so a test can exercise a revoked key through env alone.
export const REJECTED_KEY_PREFIX = "sk-invalid";

export function checkApiKey(ctx: RequestContext): Reply | undefined {
  const header = ctx.headers.authorization ?? "";
  const match = /^bearer\s+(.*)$/i.exec(header.trim());
  const key = match?.[1]?.trim();
  if (!key) return missingKeyError();
  if (key.startsWith(REJECTED_KEY_PREFIX)) return incorrectKeyError(key);
  return undefined;
}
