import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox } from "../../integrations/whatsapp/sandbox-harness";
import { adminDb, withTenantSql } from "../../lib/db";
import { env } from "../../lib/env";
import { closeSharedRedis } from "../../lib/redis";
import { closeQueues, getQueue } from "../../workers/queue-registry";
import { listMessages } from "../conversations/list-messages";
import { ORG_A, ORG_B, seedOrganizations } from "../messaging/outbound-test-kit";
import { retryMessageMedia } from "./retry-message-media";

// "Reintentar" on an inbound file whose download gave up: back to PENDING and exactly one new download job, however
// often it is pressed; the thread shows type, caption and file name while there is no file yet.
let sandbox: TestSandbox;
const redis = new Redis(env.REDIS_URL);
const office = { userId: "rm-owner", role: "OWNER" as const };

async function downloads(messageId: string) {
  const jobs = await getQueue("media").getJobs(["waiting", "delayed", "active", "prioritized"]);
  return jobs.filter((j) => (j.data as { messageId?: string }).messageId === messageId);
}

beforeAll(async () => {
  sandbox = await startTestSandbox();
  await seedOrganizations(sandbox, redis, { customers: 1 });
  await getQueue("media").obliterate({ force: true });
  const base = { organizationId: ORG_A, conversationId: `${ORG_A}-conv0`, direction: "INBOUND" as const, status: "RECEIVED" as const, mediaMimeType: "application/pdf" };
  await adminDb().whatsAppMessage.createMany({
    data: [
      { ...base, id: "rm-failed", waMessageId: "wamid.rm-failed", type: "DOCUMENT", content: { caption: "El presupuesto", filename: "presupuesto.pdf" }, mediaProviderId: "media-1", mediaState: "FAILED", mediaError: "131052: expired" },
      { ...base, id: "rm-pending", waMessageId: "wamid.rm-pending", type: "IMAGE", content: { caption: "La pérdida" }, mediaProviderId: "media-2", mediaState: "PENDING" },
    ],
  });
});
afterAll(async () => {
  await closeQueues();
  await closeSharedRedis();
  await sandbox.close();
  await redis.quit();
});

describe("retryMessageMedia", () => {
  it("the messages API says what the file is and where its download stands while there is no URL", async () => {
    const { items } = await withTenantSql(ORG_A, (tx) => listMessages(tx, office, { conversationId: `${ORG_A}-conv0`, order: "asc" }));
    const byId = new Map(items.map((m) => [m.id, m]));
    expect(byId.get("rm-failed")?.media).toEqual({ url: null, mimeType: "application/pdf", state: "FAILED", caption: "El presupuesto", filename: "presupuesto.pdf" });
    expect(byId.get("rm-pending")?.media).toMatchObject({ url: null, state: "PENDING", caption: "La pérdida", filename: null });
  });

  it("re-enqueues a failed download once, however often it is asked", async () => {
    await adminDb().user.create({ data: { id: "rm-owner", organizationId: ORG_A, phone: "+5491140000201", name: "Dueña", role: "OWNER" } });
    const first = await retryMessageMedia(ORG_A, office, "rm-failed");
    const second = await retryMessageMedia(ORG_A, office, "rm-failed");
    expect([first.retried, second.retried]).toEqual([true, false]);
    const row = await adminDb().whatsAppMessage.findUniqueOrThrow({ where: { id: "rm-failed" }, select: { mediaState: true, mediaError: true } });
    expect(row).toEqual({ mediaState: "PENDING", mediaError: null });
    const jobs = await downloads("rm-failed");
    expect(jobs.map((j) => [j.name, j.data])).toEqual([["media.download-message-media", { organizationId: ORG_A, messageId: "rm-failed" }]]);
  });

  it("leaves a download that is still running alone, and answers 404 for another organization's message", async () => {
    expect((await retryMessageMedia(ORG_A, office, "rm-pending")).retried).toBe(false);
    expect(await downloads("rm-pending")).toEqual([]);
    await expect(retryMessageMedia(ORG_B, office, "rm-failed")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
