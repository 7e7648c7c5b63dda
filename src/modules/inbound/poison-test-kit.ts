import { createHmac } from "node:crypto";
import { Queue, type Job } from "bullmq";
import { twilioSignature } from "../../integrations/twilio/webhook";
import { encryptSecret } from "../../lib/crypto";
import { adminDb } from "../../lib/db";
import { env } from "../../lib/env";
import { createRedis } from "../../lib/redis";
import { processJob } from "../../workers/process-job";
import { acceptDialog360Webhook } from "../webhooks/accept-dialog360-webhook";
import { acceptMetaWebhook } from "../webhooks/accept-meta-webhook";
import { acceptTwilioWebhook } from "../webhooks/accept-twilio-webhook";
import { clearWebhookRouteCache } from "../webhooks/find-webhook-routes";
import type { WebhookDeps } from "../webhooks/webhook-deps";

// Test-only (not exported from index.ts): deliveries signed the way each provider signs them, accepted through the
// real acceptance functions into a real BullMQ queue (own prefix), then run by the real job handler (processJob).

export const D360_SECRET = "poison-d360-webhook-secret";
export const TWILIO_PATH = "/api/webhooks/twilio";

export function webhookHarness(prefix: string) {
  const redis = createRedis("producer");
  const queue = new Queue("webhooks", { connection: redis, prefix });
  const deps: WebhookDeps = { queue, redis };
  return {
    deps,
    queue,
    async close() {
      await queue.obliterate({ force: true });
      await queue.close();
      await redis.quit();
    },
  };
}

// seedOrganization's 360dialog number gets a webhook secret so its deliveries can be verified.
export async function allowDialog360(organizationId: string) {
  await adminDb().whatsAppBusinessAccount.updateMany({
    where: { organizationId, bspProvider: "DIALOG_360" },
    data: { webhookSecretEncrypted: encryptSecret(D360_SECRET) },
  });
  clearWebhookRouteCache();
}

export function acceptMeta(raw: string, deps: WebhookDeps) {
  const rawBody = Buffer.from(raw);
  const headers = new Headers({ "content-type": "application/json", "x-hub-signature-256": `sha256=${createHmac("sha256", env.META_APP_SECRET).update(rawBody).digest("hex")}` });
  return acceptMetaWebhook({ rawBody, headers, path: "/api/webhooks/whatsapp" }, deps);
}

export function acceptDialog360(raw: string, organizationId: string, deps: WebhookDeps) {
  const headers = new Headers({ "content-type": "application/json", "x-campotech-webhook-secret": D360_SECRET });
  return acceptDialog360Webhook({ rawBody: Buffer.from(raw), headers, path: "/api/webhooks/dialog360", organizationId }, deps);
}

export function acceptTwilio(fields: Record<string, string>, deps: WebhookDeps, kind: "message" | "status" = "message") {
  const path = kind === "message" ? TWILIO_PATH : `${TWILIO_PATH}/status`;
  const rawBody = Buffer.from(new URLSearchParams(fields).toString());
  const signature = twilioSignature(env.TWILIO_AUTH_TOKEN, `${env.PUBLIC_BASE_URL.replace(/\/+$/, "")}${path}`, fields);
  return acceptTwilioWebhook({ rawBody, headers: new Headers({ "x-twilio-signature": signature }), path, pathWithQuery: path, kind }, deps);
}

/** Runs one accepted job through the real handler as attempt `attempt`; the error it threw, if any. */
export async function runJob(queue: Queue, jobId: string, attempt = 1): Promise<unknown> {
  const job = await queue.getJob(jobId);
  if (!job) throw new Error(`no job ${jobId}`);
  try {
    await processJob({ name: job.name, data: job.data, attemptsMade: attempt - 1, id: job.id } as Job);
    return undefined;
  } catch (error) {
    return error;
  }
}
