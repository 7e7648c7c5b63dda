// Test-only helpers for the outbound engine (not exported from the module's index).
import type { Redis } from "ioredis";
import { resetDatabase } from "../../../database/testing/reset";
import { createWhatsAppProvider } from "../../integrations/whatsapp";
import { sendTwilioSms } from "../../integrations/twilio";
import type { TestSandbox } from "../../integrations/whatsapp/sandbox-harness";
import { encryptJson } from "../../lib/crypto";
import { adminDb } from "../../lib/db";
import { env } from "../../lib/env";
import { DelayJob } from "../../workers/delay-job";
import { deliverMessage, type DeliveryOutcome } from "./deliver-message";
import type { DeliveryDeps } from "./delivery-deps";

export const ORG_A = "org-a";
export const ORG_B = "org-b";
export const NUMBERS = { [ORG_A]: "100000000000001", [ORG_B]: "100000000000009" } as const;

export function clock(start: number) {
  let t = start;
  return { now: () => t, set: (v: number) => (t = v), advance: (ms: number) => (t += ms) };
}

export function depsFor(sandbox: TestSandbox, redis: Redis, now: () => number): DeliveryDeps {
  return {
    now,
    redis,
    providerFor: (account) => createWhatsAppProvider(account, { baseUrl: `${sandbox.url}/meta` }),
    sendSms: sendTwilioSms,
    twilioConfig: { baseUrl: `${sandbox.url}/twilio` },
    // Calling deliverMessage directly: nothing sleeps, so there is nothing to wake (drain() replaces this).
    wake: async () => {},
  };
}

// Two organizations, each with its own Meta number in the sandbox and customers whose 24-hour window is open.
export async function seedOrganizations(sandbox: TestSandbox, redis: Redis, options: { customers?: number } = {}) {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  await redis.flushdb();
  await sandbox.reset();
  await sandbox.control("POST", "/_sandbox/numbers", {
    provider: "META_DIRECT", phoneNumberId: NUMBERS[ORG_B], wabaId: "200000000000009", displayPhoneNumber: "541152639999",
    accessToken: "sandbox-meta-token-org-b",
  });
  const admin = adminDb();
  const windowExpiresAt = new Date(Date.now() + 20 * 3600_000);
  for (const [org, cuit, token] of [[ORG_A, "30712345671", "sandbox-meta-access-token-demo"], [ORG_B, "20267565393", "sandbox-meta-token-org-b"]] as const) {
    await admin.organization.create({ data: { id: org, name: `Org ${org}`, cuit, tier: "PROFESIONAL" } });
    await admin.whatsAppBusinessAccount.create({
      data: {
        id: `${org}-wa`, organizationId: org, bspProvider: "META_DIRECT", phoneNumberId: NUMBERS[org], wabaId: "200000000000001",
        displayPhoneNumber: "541152630000", credentialsEncrypted: encryptJson({ accessToken: token }), credentialsKeyId: "local-2026",
        provisioningStatus: "ACTIVE",
      },
    });
    for (let i = 0; i < (options.customers ?? 3); i++) {
      const phone = `+54911${org === ORG_A ? "5" : "6"}${String(i).padStart(7, "0")}`;
      await admin.customer.create({ data: { id: `${org}-c${i}`, organizationId: org, phone, waId: phone.slice(1), name: `Cliente ${i}` } });
      await admin.whatsAppConversation.create({
        data: { id: `${org}-conv${i}`, organizationId: org, customerId: `${org}-c${i}`, accountId: `${org}-wa`, windowExpiresAt, lastInboundAt: new Date() },
      });
    }
  }
}

// Runs pending deliveries like the worker would, but on a controllable clock: a DelayJob reschedules the
// delivery at its `until`; the clock jumps to the next due delivery. Returns every outcome with its time.
export async function drain(pending: { organizationId: string; messageId: string }[], deps: DeliveryDeps, c: ReturnType<typeof clock>) {
  const queue = pending.map((p) => ({ ...p, at: c.now() }));
  const done: (DeliveryOutcome & { messageId: string; organizationId: string; at: number })[] = [];
  const delays: { messageId: string; from: number; until: number; reason: string }[] = [];
  // The worker's wake (a promoted delayed job) is: run it at the current time.
  deps = { ...deps, wake: async (messageId) => {
    for (const item of queue) if (item.messageId === messageId) item.at = Math.min(item.at, c.now());
  } };
  while (queue.length) {
    queue.sort((a, b) => a.at - b.at);
    const next = queue[0]!;
    if (next.at > c.now()) c.set(next.at);
    queue.shift();
    try {
      const outcome = await deliverMessage({ organizationId: next.organizationId, messageId: next.messageId }, deps);
      done.push({ ...outcome, messageId: next.messageId, organizationId: next.organizationId, at: c.now() });
    } catch (error) {
      if (!(error instanceof DelayJob)) throw error;
      delays.push({ messageId: next.messageId, from: c.now(), until: error.until, reason: error.reason });
      queue.push({ ...next, at: error.until });
    }
  }
  return { done, delays };
}
