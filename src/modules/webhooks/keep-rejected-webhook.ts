import { randomUUID } from "node:crypto";
import type { BspProvider } from "@campotech/database";
import { AppError } from "../../lib/errors";
import type { HeaderReader } from "../../lib/header-reader";
import { logger } from "../../lib/logger";
import { inspectionHeaders } from "./inspection-headers";
import { rejectedWebhooksKey, type WebhookDeps } from "./webhook-deps";

export type RejectedWebhook = {
  id: string;
  provider: BspProvider;
  receivedAt: string;
  reason: string;
  path: string;
  headers: Record<string, string>;
  rawBody: string;
};

// A capped list: enough to inspect what a provider sent when it changes its format, never unbounded growth.
export const REJECTED_WEBHOOKS_CAP = 1_000;

/**
 * A delivery whose signature passed but whose body we cannot read is kept (capped Redis list) for inspection and
 * answered 400 (VALIDATION_FAILED). If even that cannot be stored, the caller gets SERVICE_UNAVAILABLE instead, so
 * the provider retries rather than us dropping the only copy.
 */
export async function keepRejectedWebhook(
  input: { provider: BspProvider; reason: string; path: string; headers: HeaderReader; rawBody: Buffer },
  deps: WebhookDeps,
): Promise<never> {
  const entry: RejectedWebhook = {
    id: randomUUID(),
    provider: input.provider,
    receivedAt: new Date().toISOString(),
    reason: input.reason,
    path: input.path,
    headers: inspectionHeaders(input.headers),
    rawBody: input.rawBody.toString("utf8"),
  };
  const key = rejectedWebhooksKey();
  try {
    await deps.redis.multi().lpush(key, JSON.stringify(entry)).ltrim(key, 0, REJECTED_WEBHOOKS_CAP - 1).exec();
  } catch (error) {
    throw new AppError("SERVICE_UNAVAILABLE", { cause: error, detail: "rejected webhook could not be kept" });
  }
  logger.warn({ provider: input.provider, rejectedId: entry.id, reason: input.reason }, "webhook rejected: malformed body");
  throw new AppError("VALIDATION_FAILED", { detail: `malformed ${input.provider} webhook: ${input.reason}` });
}
