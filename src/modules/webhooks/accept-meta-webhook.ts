import { createHash } from "node:crypto";
import { checkMetaEnvelope, verifyMetaSignature } from "../../integrations/meta/webhook";
import { env } from "../../lib/env";
import { AppError } from "../../lib/errors";
import type { HeaderReader } from "../../lib/header-reader";
import { assertBodySize } from "./assert-body-size";
import { enqueueWebhookDelivery } from "./enqueue-webhook-delivery";
import { keepRejectedWebhook } from "./keep-rejected-webhook";
import { defaultWebhookDeps, type WebhookDeps } from "./webhook-deps";

export type WebhookRequest = { rawBody: Buffer; headers: HeaderReader; path: string };
export type WebhookAccepted = { jobId: string };

/** POST /api/webhooks/whatsapp: size → X-Hub-Signature-256 over the raw bytes → envelope shape → durable enqueue. */
export async function acceptMetaWebhook(request: WebhookRequest, deps: WebhookDeps = defaultWebhookDeps()): Promise<WebhookAccepted> {
  assertBodySize(request.rawBody);
  if (!verifyMetaSignature(request.rawBody, request.headers.get("x-hub-signature-256"), env.META_APP_SECRET)) {
    throw new AppError("INVALID_SIGNATURE", { detail: "Meta webhook: X-Hub-Signature-256 missing or wrong" });
  }
  const shape = checkMetaEnvelope(request.rawBody);
  if (!shape.ok) return keepRejectedWebhook({ provider: "META_DIRECT", reason: shape.reason, ...request }, deps);
  return enqueueWebhookDelivery(
    {
      provider: "META_DIRECT",
      deliveryId: sha256Hex(request.rawBody),
      receivedAt: new Date().toISOString(),
      rawBody: request.rawBody.toString("utf8"),
    },
    deps,
  );
}

export function sha256Hex(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}
