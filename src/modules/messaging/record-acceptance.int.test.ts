import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox } from "../../integrations/whatsapp/sandbox-harness";
import { adminDb } from "../../lib/db";
import { env } from "../../lib/env";
import { ORG_A, seedOrganizations } from "./outbound-test-kit";
import { recordAcceptance } from "./record-acceptance";
import { sendMessage } from "./send-message";

// issue 22 (outbound): storing the provider's id is one statement now; a status that reached us before that
// statement (parked under the provider id) must still be applied in the same transaction, and only once.
let sandbox: TestSandbox;
const redis = new Redis(env.REDIS_URL);
const T0 = Date.parse("2026-11-23T13:00:00Z");

beforeAll(async () => {
  sandbox = await startTestSandbox();
  await seedOrganizations(sandbox, redis);
});
afterAll(async () => {
  await sandbox.close();
  await redis.quit();
});

describe("recordAcceptance", () => {
  it("stores the provider id and the slot time, and applies a status that raced ahead of it", async () => {
    const message = await sendMessage({ organizationId: ORG_A, conversationId: `${ORG_A}-conv0`, content: { type: "text", body: "Hola" } });
    const admin = adminDb();
    await admin.whatsAppParkedStatus.create({
      data: { organizationId: ORG_A, waMessageId: "wamid.raced", status: "DELIVERED", providerStatus: "delivered", providerTimestamp: new Date(T0 + 2_000) },
    });

    const events = await recordAcceptance({ organizationId: ORG_A, messageId: message.id, providerMessageId: "wamid.raced", attempts: 1, slotAt: T0, at: new Date(T0 + 1_000) });

    const stored = await admin.whatsAppMessage.findUniqueOrThrow({ where: { id: message.id }, include: { delivery: true, statusEvents: true } });
    expect(stored.waMessageId).toBe("wamid.raced");
    expect(stored.status).toBe("DELIVERED");
    expect(stored.statusEvents.map((e) => e.status)).toContain("DELIVERED");
    expect(stored.delivery).toMatchObject({ acceptedAt: new Date(T0), attempts: 1, lastErrorCode: null, nextAttemptAt: null });
    expect(await admin.whatsAppParkedStatus.count({ where: { waMessageId: "wamid.raced" } })).toBe(0);
    expect(events[0]).toMatchObject({ type: "message.updated", messageId: message.id, conversationId: `${ORG_A}-conv0`, fields: { waMessageId: "wamid.raced" } });
    expect(events.length).toBe(2);
  });

  it("with nothing parked, changes only the id and the delivery's bookkeeping", async () => {
    const message = await sendMessage({ organizationId: ORG_A, conversationId: `${ORG_A}-conv1`, content: { type: "text", body: "Chau" } });
    const events = await recordAcceptance({ organizationId: ORG_A, messageId: message.id, providerMessageId: "wamid.plain", attempts: 3, slotAt: T0, at: new Date(T0) });
    const stored = await adminDb().whatsAppMessage.findUniqueOrThrow({ where: { id: message.id }, include: { delivery: true } });
    expect(stored).toMatchObject({ waMessageId: "wamid.plain", status: "QUEUED" });
    expect(stored.delivery).toMatchObject({ acceptedAt: new Date(T0), attempts: 3 });
    expect(stored.updatedAt.getTime()).toBeGreaterThanOrEqual(message.updatedAt.getTime()); // real time, not the slot time
    expect(events).toHaveLength(1);
  });
});
