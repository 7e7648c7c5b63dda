import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../../../database/testing/reset";
import { startTestSandbox, startWebhookReceiver, type TestSandbox } from "../../integrations/whatsapp/sandbox-harness";
import { adminDb, withTenant } from "../../lib/db";
import { env } from "../../lib/env";
import type { OrganizationEvent } from "../events/organization-event";
import { publishOrganizationEvents } from "../events/publish-organization-events";
import { subscribeOrganizationEvents } from "../events/subscribe-organization-events";
import { createLocalMediaStorage } from "../media/local-media-storage";
import { downloadMessageMedia, MediaDownloadError } from "../media/download-message-media";
import { OPT_IN_CONFIRMATION, OPT_OUT_CONFIRMATION } from "./detect-opt-command";
import type { FollowUpJob } from "./follow-up";
import { metaDelivery, runDelivery, seedOrganization, twilioDelivery } from "./inbound-test-kit";
import { createWhatsAppProvider } from "../../integrations/whatsapp";
import { sendTwilioSms } from "../../integrations/twilio";
import { createRedis } from "../../lib/redis";
import { deliverMessage } from "../messaging/deliver-message";
import { DELIVER_JOB } from "../messaging/enqueue-delivery";

// The pipeline against apps/sandbox over real HTTP: envelopes the sandbox signed and delivered, media served by
// its Graph/Twilio endpoints (with injected 5xx faults), confirmations sent through the provider layer.
const ORG = "org-sb";
const CUSTOMER = "5491155550123";
let sandbox: TestSandbox;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let mediaDir: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  receiver = await startWebhookReceiver();
  await sandbox.pointWebhooksAt(receiver.url);
  mediaDir = await mkdtemp(join(tmpdir(), "campotech-media-"));
});
afterAll(async () => {
  await sandbox.close();
  await receiver.close();
  await rm(mediaDir, { recursive: true, force: true });
  await resetDatabase(env.DATABASE_ADMIN_URL);
});
beforeEach(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  await seedOrganization(ORG);
  await sandbox.reset();
  receiver.received.length = 0;
});

const providerOptions = () => ({ baseUrl: `${sandbox.url}/meta` });

// A simulated customer writes; returns the delivery exactly as the sandbox posted it to our webhook.
async function customerWrites(body: Record<string, unknown>, provider: "META_DIRECT" | "TWILIO" = "META_DIRECT") {
  const { id } = (await sandbox.control("POST", `/_sandbox/customers/${CUSTOMER}/messages`, { provider, ...body })) as { id: string };
  const hook = await receiver.waitFor((h) => h.body.includes(id));
  if (provider === "TWILIO") return { id, delivery: twilioDelivery("message", Object.fromEntries(new URLSearchParams(hook.body))) };
  return { id, delivery: metaDelivery(hook.body) };
}

async function runSendJobs(jobs: FollowUpJob[]) {
  const sends = jobs.filter((j) => j.name === DELIVER_JOB);
  const deps = {
    now: () => Date.now(),
    redis: createRedis("worker"),
    providerFor: (account: Parameters<typeof createWhatsAppProvider>[0]) => createWhatsAppProvider(account, providerOptions()),
    sendSms: sendTwilioSms,
    wake: async () => {},
  };
  for (const job of sends) await deliverMessage(job.payload as { organizationId: string; messageId: string }, deps);
  return sends.length;
}

describe("opt-out", () => {
  it("BAJA opts the customer out and the confirmation is sent exactly once, even on redelivery; ALTA reverses it", async () => {
    const { delivery } = await customerWrites({ type: "text", text: "¡Baja!" });
    const first = await runDelivery(delivery);
    expect(await runSendJobs(first.jobs)).toBe(1);
    const again = await runDelivery(delivery);
    await runSendJobs(again.jobs);
    await runSendJobs(first.jobs);

    const customer = await withTenant(ORG, (tx) => tx.customer.findFirstOrThrow());
    expect(customer.optedOutAt).not.toBeNull();
    const inbox = (await sandbox.control("GET", `/_sandbox/customers/${CUSTOMER}/inbox`)) as Array<{ payload: { text?: { body: string } } }>;
    expect(inbox.map((m) => m.payload.text?.body)).toEqual([OPT_OUT_CONFIRMATION]);
    const confirmation = await withTenant(ORG, (tx) => tx.whatsAppMessage.findFirstOrThrow({ where: { direction: "OUTBOUND" } }));
    expect(confirmation.waMessageId).toMatch(/^wamid\./);

    // The sandbox reports sent → delivered → read for the confirmation; those webhooks move our row.
    const hook = await receiver.waitFor((h) => h.body.includes(confirmation.waMessageId!) && h.body.includes('"read"'), 5_000);
    for (const h of receiver.received.filter((r) => r.body.includes(confirmation.waMessageId!) && r !== hook)) await runDelivery(metaDelivery(h.body));
    await runDelivery(metaDelivery(hook.body));
    expect((await adminDb().whatsAppMessage.findUniqueOrThrow({ where: { id: confirmation.id } })).status).toBe("READ");

    const alta = await customerWrites({ type: "text", text: "ALTA" });
    await runSendJobs((await runDelivery(alta.delivery)).jobs);
    expect((await withTenant(ORG, (tx) => tx.customer.findFirstOrThrow())).optedOutAt).toBeNull();
    const after = (await sandbox.control("GET", `/_sandbox/customers/${CUSTOMER}/inbox`)) as Array<{ payload: { text?: { body: string } } }>;
    expect(after.map((m) => m.payload.text?.body)).toEqual([OPT_OUT_CONFIRMATION, OPT_IN_CONFIRMATION]);
  });
});

describe("media", () => {
  it("a download that fails twice then succeeds: the message is kept PENDING, then stored and linked", async () => {
    const bytes = Buffer.from("fake-jpeg-bytes-" + "x".repeat(100));
    const { delivery } = await customerWrites({ type: "image", media: { base64: bytes.toString("base64"), mimeType: "image/jpeg", caption: "la pérdida" } });
    const { jobs } = await runDelivery(delivery);
    const job = jobs.find((j) => j.name === "media.download-message-media")!;
    const message = await withTenant(ORG, (tx) => tx.whatsAppMessage.findFirstOrThrow({ where: { type: "IMAGE" } }));
    expect(job.jobId).toBe(`media-${message.mediaProviderId}`);
    await sandbox.fault({ provider: "META_DIRECT", kind: "5xx", count: 2 });
    const storage = createLocalMediaStorage(mediaDir);
    const attempt = (n: number) => downloadMessageMedia(job.payload as never, { attempt: n, maxAttempts: 6, storage, provider: providerOptions() });

    for (const n of [1, 2]) {
      const error = await attempt(n).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MediaDownloadError);
      expect((error as MediaDownloadError).permanent).toBe(false);
      expect(await adminDb().whatsAppMessage.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({ mediaState: "PENDING", mediaError: expect.stringContaining("131016") });
    }
    const result = await attempt(3);
    expect(result.outcome).toBe("stored");
    const stored = await adminDb().whatsAppMessage.findUniqueOrThrow({ where: { id: message.id } });
    expect(stored).toMatchObject({ mediaState: "STORED", mediaMimeType: "image/jpeg", mediaSize: bytes.length, mediaError: null, content: { caption: "la pérdida" } });
    expect(stored.mediaStorageKey).toMatch(new RegExp(`^${ORG}/\\d{4}/\\d{2}/${message.id}\\.jpg$`));
    expect(await readFile(join(mediaDir, stored.mediaStorageKey!))).toEqual(bytes);
    expect((await attempt(4)).outcome).toBe("already_stored");
  });

  it("the last failed attempt marks the media FAILED (the message itself stays)", async () => {
    const { delivery } = await customerWrites({ type: "document", media: { filename: "presupuesto.pdf" } });
    const { jobs } = await runDelivery(delivery);
    await sandbox.fault({ provider: "META_DIRECT", kind: "5xx" });
    const job = jobs.find((j) => j.name === "media.download-message-media")!;
    const error = await downloadMessageMedia(job.payload as never, { attempt: 3, maxAttempts: 3, storage: createLocalMediaStorage(mediaDir), provider: providerOptions() }).catch((e: unknown) => e);
    expect((error as MediaDownloadError).permanent).toBe(true);
    expect(await withTenant(ORG, (tx) => tx.whatsAppMessage.findFirstOrThrow({ where: { type: "DOCUMENT" } }))).toMatchObject({ mediaState: "FAILED", content: { filename: "presupuesto.pdf" } });
  });

  it("Twilio media: MediaUrl0 downloaded with the account's credentials", async () => {
    const { delivery } = await customerWrites({ type: "voice" }, "TWILIO");
    const { jobs } = await runDelivery(delivery);
    const job = jobs.find((j) => j.name === "media.download-message-media")!;
    const result = await downloadMessageMedia(job.payload as never, { attempt: 1, maxAttempts: 3, storage: createLocalMediaStorage(mediaDir), provider: { baseUrl: `${sandbox.url}/twilio` } });
    expect(result.outcome).toBe("stored");
    const message = await withTenant(ORG, (tx) => tx.whatsAppMessage.findFirstOrThrow({ where: { type: "AUDIO" } }));
    expect(message).toMatchObject({ mediaState: "STORED", mediaUrl: expect.stringContaining("/twilio/media/") });
    expect((await readFile(join(mediaDir, message.mediaStorageKey!))).length).toBe(message.mediaSize);
  });
});

describe("events", () => {
  it("publishes each change once per organization channel, never again on redelivery", async () => {
    const received: OrganizationEvent[] = [];
    const stop = await subscribeOrganizationEvents(ORG, (e) => received.push(e));
    const other: OrganizationEvent[] = [];
    const stopOther = await subscribeOrganizationEvents("someone-else", (e) => other.push(e));
    try {
      const { delivery } = await customerWrites({ type: "text", text: "hola, ¿atienden hoy?" });
      const publish = { onCommitted: (w: { events: OrganizationEvent[] }) => publishOrganizationEvents(w.events) };
      await runDelivery(delivery, publish);
      await runDelivery(delivery, publish);
      await new Promise((r) => setTimeout(r, 200));
      expect(received.map((e) => e.type)).toEqual(["message.created", "conversation.updated"]);
      expect(received[0]).toMatchObject({ organizationId: ORG, direction: "INBOUND", messageType: "TEXT" });
      expect(received[1]).toMatchObject({ unreadCount: 1, status: "OPEN" });
      expect(other).toEqual([]);
    } finally {
      await stop();
      await stopOther();
    }
  });
});
