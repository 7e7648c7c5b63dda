import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSandbox, startWebhookReceiver } from "../../integrations/whatsapp/sandbox-harness";

// Smoke test of the whole inbound path through real BullMQ Workers: webhook job → messages → media job (two 5xx,
// retried with backoff, then stored) → delayed close-turn job → events. env is parsed once per process, so the
// sandbox's URL, a small aggregation window and a temporary media directory are set before any module reads it.
const sandbox = await startTestSandbox();
const receiver = await startWebhookReceiver();
const mediaDir = await mkdtemp(join(tmpdir(), "campotech-smoke-media-"));
process.env.META_GRAPH_API_URL = `${sandbox.url}/meta`;
process.env.INBOUND_AGGREGATION_WINDOW_MS = "400";
process.env.MEDIA_STORAGE_DIR = mediaDir;

const { resetDatabase } = await import("../../../database/testing/reset");
const { startWorkers } = await import("../../../apps/workers/src/start-workers");
const { adminDb } = await import("../../lib/db");
const { env } = await import("../../lib/env");
const { subscribeOrganizationEvents } = await import("../../modules/events/subscribe-organization-events");
const { metaDelivery, seedOrganization } = await import("../../modules/inbound/inbound-test-kit");
const { jobCatalog } = await import("../catalog");
const { closeQueues, enqueue, getQueue } = await import("../enqueue");
const { processJob } = await import("../process-job");
const { PROCESS_WEBHOOK_JOB, webhookJobId } = await import("../payloads/webhook-delivery");

const ORG = "org-smoke";
const CUSTOMER = "5491155550123";
type Pool = ReturnType<typeof startWorkers>;
let pool: Pool | undefined;

beforeAll(async () => {
  await sandbox.pointWebhooksAt(receiver.url);
  await resetDatabase(env.DATABASE_ADMIN_URL);
  await seedOrganization(ORG);
  for (const name of ["webhooks", "media", "conversations", "outbound"] as const) await getQueue(name).obliterate({ force: true });
});

afterAll(async () => {
  await pool?.close(5_000);
  await closeQueues();
  await sandbox.close();
  await receiver.close();
  await rm(mediaDir, { recursive: true, force: true });
  await resetDatabase(env.DATABASE_ADMIN_URL);
});

async function until<T>(read: () => Promise<T | null | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("inbound pipeline through real Workers", () => {
  it("processes a burst with media once: retried download, one turn, events once", async () => {
    const events: Array<{ type: string }> = [];
    const stop = await subscribeOrganizationEvents(ORG, (e) => events.push(e));
    pool = startWorkers({ catalog: jobCatalog, processor: processJob, concurrency: 4 });

    const bytes = Buffer.from("smoke-test-image-bytes");
    const image = (await sandbox.control("POST", `/_sandbox/customers/${CUSTOMER}/messages`, { type: "image", media: { base64: bytes.toString("base64"), mimeType: "image/jpeg" } })) as { id: string };
    const text = (await sandbox.control("POST", `/_sandbox/customers/${CUSTOMER}/messages`, { type: "text", text: "¿Pueden venir hoy?" })) as { id: string };
    await sandbox.fault({ provider: "META_DIRECT", kind: "5xx", count: 2 });

    for (const id of [image.id, text.id, image.id]) {
      const hook = await receiver.waitFor((h) => h.body.includes(id));
      const delivery = metaDelivery(hook.body);
      await enqueue(PROCESS_WEBHOOK_JOB, delivery, { jobId: webhookJobId(delivery) });
    }

    const stored = await until(() => adminDb().whatsAppMessage.findFirst({ where: { type: "IMAGE", mediaState: "STORED" } }));
    expect(await readFile(join(mediaDir, stored.mediaStorageKey!))).toEqual(bytes);
    const mediaJob = await getQueue("media").getJob(`media-${stored.mediaProviderId}`);
    expect(mediaJob?.attemptsMade).toBeGreaterThanOrEqual(2);
    expect(await mediaJob?.getState()).toBe("completed");

    const turn = await until(() => adminDb().conversationTurn.findFirst());
    expect(turn.messageCount).toBe(2);
    await new Promise((r) => setTimeout(r, 800));
    expect(await adminDb().conversationTurn.count()).toBe(1);
    expect(await adminDb().whatsAppMessage.count()).toBe(2);

    await until(async () => events.some((e) => e.type === "message.updated"));
    const count = (type: string) => events.filter((e) => e.type === type).length;
    expect(count("message.created")).toBe(2);
    expect(count("conversation.turn")).toBe(1);
    expect(count("message.updated")).toBe(1);
    await stop();
  });
});
