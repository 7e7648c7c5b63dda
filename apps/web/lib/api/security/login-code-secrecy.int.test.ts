import { readFileSync } from "node:fs";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { encryptJson, encryptSecret } from "@campotech/core/lib/crypto";
import { adminDb } from "@campotech/core/lib/db";
import { env } from "@campotech/core/lib/env";
import { toWaId } from "@campotech/core/lib/phone";
import { sharedRedis, whenRedisReady } from "@campotech/core/lib/redis";
import { issueAccessToken } from "@campotech/core/modules/auth";
import { deliverMessage, eraseExpiredSecrets, listDeadLetters } from "@campotech/core/modules/messaging";
import { DelayJob } from "@campotech/core/workers";
import { DEMO_ORG, DEMO_USERS, seedDemo } from "@campotech/database/seed";
import { resetDatabase } from "@campotech/database/testing";
import { MIGRATIONS_DIR } from "@campotech/database/migrate";
import { call, json } from "../api-test-kit";
import { listDeadLettersEndpoint, replayAllDeadLettersEndpoint, replayDeadLetterEndpoint } from "../endpoints/admin";
import { otpRequestEndpoint, otpVerifyEndpoint } from "../endpoints/auth";
import { getMessageEndpoint } from "../endpoints/messages";

// The account takeover from the security review: a login code that could not be delivered became a dead letter,
// and the dead-letter list (and its replay) handed the code to any owner or admin of the organization — who then
// logged in as the victim. Reproduced through the real route handlers, the outbound engine and the suite's
// provider sandbox: the provider fails every send to the victim's phone until the retries run out.
const SANDBOX = env.META_GRAPH_API_URL.replace(/\/meta$/, "");
const OWNER = DEMO_USERS.find((u) => u.role === "OWNER")!;
const DISPATCHER = DEMO_USERS.find((u) => u.role === "DISPATCHER")!;
const ADMIN = { id: "sec-admin", phone: "+5491140000099", name: "Admin de turno", role: "ADMIN" as const };
const redis = new Redis(env.REDIS_URL);
const bearerOf = (user: { id: string; role: "OWNER" | "ADMIN" | "DISPATCHER" }) => ({
  authorization: `Bearer ${issueAccessToken({ id: user.id, organizationId: DEMO_ORG.id, role: user.role }).token}`,
});

async function sandbox(method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${SANDBOX}/_sandbox${path}`, {
    method,
    ...(body ? { headers: { "content-type": "application/json" }, body: JSON.stringify(body) } : {}),
  });
  return response.status === 204 ? null : response.json();
}

beforeEach(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  await redis.flushdb();
  await whenRedisReady(sharedRedis());
  await seedDemo(adminDb(), { seal: encryptJson, sealSecret: encryptSecret });
  await adminDb().user.create({ data: { ...ADMIN, organizationId: DEMO_ORG.id } });
  await sandbox("DELETE", "/faults");
});
afterEach(async () => {
  await sandbox("DELETE", "/faults");
});
afterAll(async () => {
  await redis.quit();
});

// What the delivery worker does with the queued login code, retries included, until it stops for good.
async function deliverUntilDone(messageId: string): Promise<unknown> {
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      return await deliverMessage({ organizationId: DEMO_ORG.id, messageId });
    } catch (error) {
      if (!(error instanceof DelayJob)) throw error;
    }
  }
  throw new Error("the delivery never finished");
}

async function latestLoginCodeMessage(victimId: string): Promise<string> {
  const message = await adminDb().whatsAppMessage.findFirst({
    where: { organizationId: DEMO_ORG.id, direction: "OUTBOUND", conversation: { customer: { staffUserId: victimId } } },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
  expect(message).toBeTruthy();
  return message!.id;
}

// The code the victim's phone really got: the SMS fallback that follows the failed WhatsApp send.
async function codeOnVictimsPhone(phone: string): Promise<string> {
  const inbox = (await sandbox("GET", `/customers/${toWaId(phone)}/inbox`)) as unknown[];
  const code = JSON.stringify(inbox).match(/\b(\d{6})\b/)?.[1];
  expect(code, "the victim's phone received its code by SMS").toBeTruthy();
  return code!;
}

describe("login codes that cannot be delivered", () => {
  it.each([
    { attacker: OWNER, victim: DISPATCHER },
    { attacker: ADMIN, victim: OWNER },
  ])("stay unreadable: $attacker.role cannot read or replay $victim.role's code", async ({ attacker, victim }) => {
    // The provider answers 5xx to every send to the victim's phone: the WhatsApp retries run out.
    await sandbox("POST", "/faults", { kind: "5xx", provider: "META_DIRECT", phone: toWaId(victim.phone) });
    const peer = { "x-forwarded-for": "198.51.100.40" };
    expect((await call(otpRequestEndpoint, { body: { phone: victim.phone }, headers: peer })).status).toBe(202);
    const messageId = await latestLoginCodeMessage(victim.id);
    expect(await deliverUntilDone(messageId)).toMatchObject({ outcome: "failed" });
    const code = await codeOnVictimsPhone(victim.phone);

    // Everything the attacker's role may open about it: the dead letters, the message, a replay of everything.
    const letters = await json<{ items: { messageId: string }[] }>(await call(listDeadLettersEndpoint, { headers: bearerOf(attacker) }), 200);
    expect(letters.items.map((l) => l.messageId)).not.toContain(messageId);
    expect(JSON.stringify(letters)).not.toContain(code);
    const message = await call(getMessageEndpoint, { params: { id: messageId }, headers: bearerOf(attacker) });
    expect(await message.text()).not.toContain(code);
    const replayOne = await call(replayDeadLetterEndpoint, { params: { messageId }, headers: bearerOf(attacker) });
    expect(replayOne.status).toBe(404);
    const replayAll = await json<{ replayed: string[] }>(await call(replayAllDeadLettersEndpoint, { headers: bearerOf(attacker) }), 202);
    expect(replayAll.replayed).not.toContain(messageId);
    // The operator's CLI reads the same list.
    expect(JSON.stringify(await listDeadLetters({ organizationId: DEMO_ORG.id }))).not.toContain(code);

    // Nor is it anywhere in our database in the clear: the message row is redacted, the sealed copy is ciphertext.
    const stored = await adminDb().whatsAppMessage.findUniqueOrThrow({ where: { id: messageId }, include: { delivery: true } });
    expect(JSON.stringify(stored)).not.toContain(code);
    expect(stored.content).toMatchObject({ name: "otp_code", preview: "•••••• es tu código de verificación." });
    expect(stored.delivery).toMatchObject({ deadLetteredAt: null, sealedContent: null, purpose: "authentication" });

    // The code is real: the victim (and only whoever holds the victim's phone) logs in with it.
    const session = await call(otpVerifyEndpoint, { body: { phone: victim.phone, code }, headers: peer });
    expect(session.status).toBe(200);
    expect(((await session.json()) as { user: { id: string } }).user.id).toBe(victim.id);
  });

  it("a code delayed past its expiry is never sent late, and sealed copies are erased when they expire", async () => {
    const now = Date.now();
    await call(otpRequestEndpoint, { body: { phone: DISPATCHER.phone }, headers: { "x-forwarded-for": "198.51.100.41" } });
    const messageId = await latestLoginCodeMessage(DISPATCHER.id);
    const sends = async () => ((await sandbox("GET", `/customers/${toWaId(DISPATCHER.phone)}/inbox`)) as unknown[]).length;
    const before = await sends();
    // Held (panic mode, a Redis outage) until after the code's ten minutes.
    const deps = { now: () => now + 11 * 60_000 };
    const { defaultDeliveryDeps } = await import("@campotech/core/modules/messaging");
    expect(await deliverMessage({ organizationId: DEMO_ORG.id, messageId }, { ...defaultDeliveryDeps(), ...deps })).toEqual({ outcome: "failed", code: "expired" });
    expect(await sends()).toBe(before);
    const row = await adminDb().outboundDelivery.findUniqueOrThrow({ where: { messageId } });
    expect(row.sealedContent).toBeNull();

    // A delivered code's sealed copy lives only until the code expires.
    await redis.del(`auth:limit:requestPerPhone:${DISPATCHER.phone}`);
    await call(otpRequestEndpoint, { body: { phone: DISPATCHER.phone }, headers: { "x-forwarded-for": "198.51.100.42" } });
    const second = await latestLoginCodeMessage(DISPATCHER.id);
    expect(await deliverMessage({ organizationId: DEMO_ORG.id, messageId: second })).toMatchObject({ outcome: "sent" });
    expect((await adminDb().outboundDelivery.findUniqueOrThrow({ where: { messageId: second } })).sealedContent).toMatch(/^v1\./);
    expect(await eraseExpiredSecrets({ now: new Date(now + 5 * 60_000) })).toEqual({ erased: 0 });
    expect(await eraseExpiredSecrets({ now: new Date(now + 11 * 60_000) })).toEqual({ erased: 1 });
    expect((await adminDb().outboundDelivery.findUniqueOrThrow({ where: { messageId: second } })).sealedContent).toBeNull();
  });

  it("codes dead-lettered before the fix are redacted and taken out of the dead letters by the migration", async () => {
    const victim = await adminDb().customer.create({ data: { organizationId: DEMO_ORG.id, staffUserId: DISPATCHER.id, waId: toWaId(DISPATCHER.phone), name: "Equipo · Laura" } });
    const conversation = await adminDb().whatsAppConversation.create({ data: { organizationId: DEMO_ORG.id, customerId: victim.id } });
    const account = await adminDb().whatsAppBusinessAccount.findFirstOrThrow({ where: { organizationId: DEMO_ORG.id } });
    const legacy = await adminDb().whatsAppMessage.create({
      data: {
        organizationId: DEMO_ORG.id, conversationId: conversation.id, accountId: account.id, direction: "OUTBOUND", type: "TEMPLATE", status: "FAILED",
        content: { type: "template", name: "otp_code", language: "es_AR", components: [{ type: "body", parameters: [{ type: "text", text: "482913" }] }], preview: "482913 es tu código de verificación." },
      },
    });
    await adminDb().outboundDelivery.create({
      data: { organizationId: DEMO_ORG.id, messageId: legacy.id, accountId: account.id, recipient: toWaId(DISPATCHER.phone), purpose: "authentication", attempts: 4, deadLetteredAt: new Date(), deadLetterReason: "131016: Service unavailable" },
    });
    const sql = readFileSync(`${MIGRATIONS_DIR}/20261211000000_security_hardening/migration.sql`, "utf8");
    for (const statement of sql.split(";").map((s) => s.trim()).filter((s) => /^UPDATE/m.test(s.replace(/^--.*$/gm, "").trim()))) {
      await adminDb().$executeRawUnsafe(statement);
    }
    const after = await adminDb().whatsAppMessage.findUniqueOrThrow({ where: { id: legacy.id }, include: { delivery: true } });
    expect(JSON.stringify(after)).not.toContain("482913");
    expect(after.delivery?.deadLetteredAt).toBeNull();
    expect(await listDeadLetters({ organizationId: DEMO_ORG.id })).toEqual([]);
  });
});
