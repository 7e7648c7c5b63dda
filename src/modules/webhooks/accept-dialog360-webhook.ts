import { verifyDialog360Webhook } from "../../integrations/dialog360/webhook";
import { checkMetaEnvelope } from "../../integrations/meta/webhook";
import { decryptSecret } from "../../lib/crypto";
import { env } from "../../lib/env";
import { AppError } from "../../lib/errors";
import { sha256Hex, type WebhookAccepted, type WebhookRequest } from "./accept-meta-webhook";
import { assertBodySize } from "./assert-body-size";
import { enqueueWebhookDelivery } from "./enqueue-webhook-delivery";
import { findWebhookRoutes } from "./find-webhook-routes";
import { keepRejectedWebhook } from "./keep-rejected-webhook";
import { defaultWebhookDeps, type WebhookDeps } from "./webhook-deps";

const ORG_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * POST /api/webhooks/dialog360?orgId=…: the organization's webhook secret (the custom header configured through
 * /v1/configs/webhook), plus x-360dialog-signature when present. Unknown orgId and wrong secret answer the same 401.
 */
export async function acceptDialog360Webhook(
  request: WebhookRequest & { organizationId: string | null },
  deps: WebhookDeps = defaultWebhookDeps(),
): Promise<WebhookAccepted> {
  assertBodySize(request.rawBody);
  const organizationId = request.organizationId && ORG_ID.test(request.organizationId) ? request.organizationId : undefined;
  const routes = organizationId ? await findWebhookRoutes({ provider: "DIALOG_360", organizationId }) : [];
  const organizationSecrets = routes.flatMap((r) => (r.webhookSecretEncrypted ? [decryptSecret(r.webhookSecretEncrypted)] : []));
  const verified = verifyDialog360Webhook({
    headers: request.headers,
    rawBody: request.rawBody,
    organizationSecrets,
    platformSecret: env.DIALOG360_WEBHOOK_SECRET,
  });
  if (!verified || !organizationId) throw new AppError("INVALID_SIGNATURE", { detail: "360dialog webhook: unknown orgId or bad secret/signature" });
  const shape = checkMetaEnvelope(request.rawBody);
  if (!shape.ok) return keepRejectedWebhook({ provider: "DIALOG_360", reason: shape.reason, ...request }, deps);
  return enqueueWebhookDelivery(
    {
      provider: "DIALOG_360",
      organizationId,
      deliveryId: sha256Hex(request.rawBody),
      receivedAt: new Date().toISOString(),
      rawBody: request.rawBody.toString("utf8"),
    },
    deps,
  );
}
