import { Redis } from "ioredis";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox } from "../../integrations/whatsapp/sandbox-harness";
import { adminDb } from "../../lib/db";
import { env } from "../../lib/env";
import { sampleOf } from "../../lib/metrics/metrics-test-kit";
import { outboundSendsTotal } from "../../lib/metrics/outbound-metrics";
import { rateLimitWaitSeconds, rateLimitWaitsTotal } from "../../lib/metrics/rate-limit-metrics";
import { DelayJob } from "../../workers/delay-job";
import { deliverMessage } from "./deliver-message";
import { clock, depsFor, NUMBERS, ORG_A, ORG_B, seedOrganizations } from "./outbound-test-kit";
import { sendMessage } from "./send-message";

// The outbound engine's metrics against the sandbox's Meta API: each send handed to the provider counts once by its
// result and error code, and a send held back by a limit counts as a wait.
let sandbox: TestSandbox;
const redis = new Redis(env.REDIS_URL);
const T0 = Date.parse("2026-11-23T13:00:00Z");
const text = (body: string) => ({ type: "text" as const, body });
const meta = { channel: "whatsapp", provider: "meta_direct" };

beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => {
  await sandbox.close();
  await redis.quit();
});
beforeEach(() => seedOrganizations(sandbox, redis));

describe("outbound sends", () => {
  it("counts an accepted send as sent and a provider rejection as failed with its code", async () => {
    const deps = depsFor(sandbox, redis, clock(T0).now);
    const sent = await sampleOf(outboundSendsTotal, { ...meta, result: "sent" });
    const failed = await sampleOf(outboundSendsTotal, { ...meta, result: "failed", code: "131030" });

    const ok = await sendMessage({ organizationId: ORG_A, conversationId: `${ORG_A}-conv0`, content: text("hola") });
    expect(await deliverMessage({ organizationId: ORG_A, messageId: ok.id }, deps)).toMatchObject({ outcome: "sent" });
    expect(await sampleOf(outboundSendsTotal, { ...meta, result: "sent" })).toBe(sent + 1);

    // 131030 (recipient not in the allowed list) fails the message for good.
    await sandbox.fault({ provider: "META_DIRECT", phoneNumberId: NUMBERS[ORG_A], kind: "131030" });
    const bad = await sendMessage({ organizationId: ORG_A, conversationId: `${ORG_A}-conv1`, content: text("chau") });
    expect(await deliverMessage({ organizationId: ORG_A, messageId: bad.id }, deps)).toMatchObject({ outcome: "failed", code: "131030" });
    expect(await sampleOf(outboundSendsTotal, { ...meta, result: "failed", code: "131030" })).toBe(failed + 1);
    expect(await sampleOf(outboundSendsTotal, { ...meta, result: "sent" })).toBe(sent + 1);
  });
});

describe("rate-limit waits", () => {
  it("counts a send delayed by the organization's sliding window, with the wait it was given", async () => {
    await adminDb().organization.update({ where: { id: ORG_B }, data: { settings: { messaging: { rateLimit: 1 } } } });
    const deps = depsFor(sandbox, redis, clock(T0).now);
    const waits = await sampleOf(rateLimitWaitsTotal, { limit: "organization" });
    const waited = await sampleOf(rateLimitWaitSeconds, { limit: "organization" }, "_sum");
    const [first, second] = await Promise.all(
      ["uno", "dos"].map((body, i) => sendMessage({ organizationId: ORG_B, conversationId: `${ORG_B}-conv${i}`, content: text(body) })),
    );
    expect(await deliverMessage({ organizationId: ORG_B, messageId: first!.id }, deps)).toMatchObject({ outcome: "sent" });
    const delay = await deliverMessage({ organizationId: ORG_B, messageId: second!.id }, deps).catch((error: unknown) => error);
    expect(delay).toBeInstanceOf(DelayJob);
    expect(await sampleOf(rateLimitWaitsTotal, { limit: "organization" })).toBe(waits + 1);
    // Told to wait until the first send leaves the 60-second window.
    expect(await sampleOf(rateLimitWaitSeconds, { limit: "organization" }, "_sum")).toBeCloseTo(waited + ((delay as DelayJob).until - T0) / 1000, 6);
    expect((delay as DelayJob).until - T0).toBeGreaterThan(59_000);
  });
});
