import { Redis } from "ioredis";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox } from "../../integrations/whatsapp/sandbox-harness";
import { adminDb } from "../../lib/db";
import { env } from "../../lib/env";
import { subscribeOrganizationEvents } from "../events/subscribe-organization-events";
import { listDeadLetters, replayDeadLetters } from "./dead-letters";
import { deliverMessage } from "./deliver-message";
import { clock, depsFor, drain, NUMBERS, ORG_A, ORG_B, seedOrganizations } from "./outbound-test-kit";
import { listPanicModes, resolvePanic } from "./panic-admin";
import { sendMessage } from "./send-message";
import { DelayJob } from "../../workers/delay-job"; // issue 22 (faults)

let sandbox: TestSandbox;
const redis = new Redis(env.REDIS_URL);
const T0 = Date.parse("2026-11-23T13:00:00Z");

beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => {
  await sandbox.close();
  await redis.quit();
});
beforeEach(() => seedOrganizations(sandbox, redis));

const text = (body: string) => ({ type: "text" as const, body });
async function inBatches<T>(count: number, fn: (i: number) => Promise<T>, size = 20): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < count; i += size) out.push(...(await Promise.all(Array.from({ length: Math.min(size, count - i) }, (_, j) => fn(i + j)))));
  return out;
}
const sentTo = async (phoneNumberId: string) =>
  (await sandbox.requests("meta", `/${phoneNumberId}/messages`)).filter((r) => r.response.status === 200);

describe("per-organization rate limit", () => {
  it("spreads 200 messages of one organization over four 60-second windows while another's 10 go out at once", async () => {
    const c = clock(T0);
    const deps = depsFor(sandbox, redis, c.now);
    // Created one after the other, as a burst from one sender is: a conversation's messages then queue in the order
    // they go out (outbound-order.int.test.ts covers jobs running out of order).
    const a = await inBatches(200, (i) => sendMessage({ organizationId: ORG_A, conversationId: `${ORG_A}-conv${i % 3}`, content: text(`A ${i}`) }), 1);
    const b = await inBatches(10, (i) => sendMessage({ organizationId: ORG_B, conversationId: `${ORG_B}-conv${i % 3}`, content: text(`B ${i}`) }), 1);
    const pending = [...a, ...b].map((m) => ({ organizationId: m.organizationId, messageId: m.id }));
    const { done } = await drain(pending, deps, c);

    const sentA = done.filter((d) => d.organizationId === ORG_A && d.outcome === "sent").map((d) => d.at).sort((x, y) => x - y);
    const sentB = done.filter((d) => d.organizationId === ORG_B && d.outcome === "sent").map((d) => d.at);
    expect(sentA).toHaveLength(200);
    expect(sentB).toEqual(Array(10).fill(T0));
    // Four windows: the last 50 cannot go before three full windows have passed.
    expect(sentA.at(-1)! - sentA[0]!).toBeGreaterThanOrEqual(3 * 60_000);
    for (const start of sentA) expect(sentA.filter((t) => t >= start && t < start + 60_000).length).toBeLessThanOrEqual(50);
    // Nothing was sent twice.
    expect(await sentTo(NUMBERS[ORG_A])).toHaveLength(200);
    expect(await sentTo(NUMBERS[ORG_B])).toHaveLength(10);
    const stored = await adminDb().whatsAppMessage.findMany({ where: { organizationId: ORG_A }, select: { waMessageId: true } });
    expect(new Set(stored.map((m) => m.waMessageId)).size).toBe(200);
  }, 180_000);

  it("honours an organization's own limit", async () => {
    await adminDb().organization.update({ where: { id: ORG_B }, data: { settings: { messaging: { rateLimit: 3 } } } });
    const c = clock(T0);
    // One after the other: a conversation's messages go in creation order (outbound-order.int.test.ts).
    const msgs = [];
    for (let i = 0; i < 7; i++) msgs.push(await sendMessage({ organizationId: ORG_B, conversationId: `${ORG_B}-conv0`, content: text(`b${i}`) }));
    const { done } = await drain(msgs.map((m) => ({ organizationId: ORG_B, messageId: m.id })), depsFor(sandbox, redis, c.now), c);
    const times = done.map((d) => d.at).sort((x, y) => x - y);
    expect(times.filter((t) => t === T0)).toHaveLength(3);
    expect(times.at(-1)! - T0).toBeGreaterThanOrEqual(2 * 60_000);
  });
});

describe("retries, dead letters and replay", () => {
  it.each(["130429", "5xx"])("retries %s after 1 s, 10 s and 60 s, then dead-letters, then a replay sends once", async (kind) => {
    await sandbox.fault({ provider: "META_DIRECT", phoneNumberId: NUMBERS[ORG_A], kind });
    const c = clock(T0);
    const deps = depsFor(sandbox, redis, c.now);
    const message = await sendMessage({ organizationId: ORG_A, conversationId: `${ORG_A}-conv0`, content: text("hola") });
    const { done, delays } = await drain([{ organizationId: ORG_A, messageId: message.id }], deps, c);
    expect(delays.map((d) => d.until - d.from)).toEqual([1_000, 10_000, 60_000]);
    expect(done).toMatchObject([{ outcome: "dead_lettered" }]);
    const letters = await listDeadLetters({ organizationId: ORG_A });
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ messageId: message.id, attempts: 4 });
    expect(await listDeadLetters({ organizationId: ORG_B })).toHaveLength(0);

    await sandbox.clearFaults();
    const [first, second] = await Promise.all([
      replayDeadLetters({ organizationId: ORG_A, messageId: message.id }).catch((e: Error) => e),
      replayDeadLetters({ organizationId: ORG_A, messageId: message.id }).catch((e: Error) => e),
    ]);
    const replayed = [first, second].filter((r) => !(r instanceof Error));
    expect(replayed).toEqual([{ replayed: [message.id] }]);
    expect(await deliverMessage({ organizationId: ORG_A, messageId: message.id }, deps)).toMatchObject({ outcome: "sent" });
    expect(await deliverMessage({ organizationId: ORG_A, messageId: message.id }, deps)).toEqual({ outcome: "skipped", reason: "already_sent" });
    expect(await sentTo(NUMBERS[ORG_A])).toHaveLength(1);
    expect(await listDeadLetters({ organizationId: ORG_A })).toHaveLength(0);
  });
});

describe("panic mode", () => {
  it("trips on 190, holds messages without calling the provider, and sends them after resolve", async () => {
    const events: { type: string }[] = [];
    const unsubscribe = await subscribeOrganizationEvents(ORG_A, (e) => events.push(e));
    await sandbox.fault({ provider: "META_DIRECT", phoneNumberId: NUMBERS[ORG_A], kind: "190" });
    const c = clock(T0);
    const deps = depsFor(sandbox, redis, c.now);
    const m1 = await sendMessage({ organizationId: ORG_A, conversationId: `${ORG_A}-conv0`, content: text("uno") });
    const m2 = await sendMessage({ organizationId: ORG_A, conversationId: `${ORG_A}-conv1`, content: text("dos") });
    expect(await deliverMessage({ organizationId: ORG_A, messageId: m1.id }, deps)).toEqual({ outcome: "held", reason: "provider_error_190" });
    const callsAfterTrip = (await sandbox.requests("meta", "/messages")).length;
    expect(await deliverMessage({ organizationId: ORG_A, messageId: m2.id }, deps)).toMatchObject({ outcome: "held" });
    expect((await sandbox.requests("meta", "/messages")).length).toBe(callsAfterTrip);

    const [panic] = await listPanicModes({ organizationId: ORG_A });
    expect(panic).toMatchObject({ status: "ACTIVE", reason: "provider_error_190", integration: `whatsapp:${ORG_A}-wa` });
    expect(panic!.autoResolveAt!.getTime() - panic!.triggeredAt.getTime()).toBe(60 * 60_000);
    expect(await listPanicModes({ organizationId: ORG_B })).toHaveLength(0);

    await sandbox.clearFaults();
    expect(await resolvePanic({ organizationId: ORG_A, resolvedBy: "user-1", resolution: "token rotado" })).toMatchObject({ released: 2 });
    await expect(resolvePanic({ organizationId: ORG_A, resolvedBy: "user-1" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    for (const m of [m1, m2]) expect(await deliverMessage({ organizationId: ORG_A, messageId: m.id }, deps)).toMatchObject({ outcome: "sent" });
    expect(await sentTo(NUMBERS[ORG_A])).toHaveLength(2);
    const audit = await adminDb().auditLog.findMany({ where: { organizationId: ORG_A, action: { startsWith: "panic." } }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["panic.tripped", "panic.resolved"]);
    await new Promise((r) => setTimeout(r, 100));
    await unsubscribe();
    expect(events.filter((e) => e.type === "panic.tripped")).toHaveLength(1);
    expect(events.filter((e) => e.type === "panic.resolved")).toHaveLength(1);
  });
});

// issue 22 (faults)
describe("panic mode after a resolve", () => {
  it("does not trip again on a failure older than the resolve (a send that failed mid-storm and got to the trip late), but does on a newer one", async () => {
    await sandbox.fault({ provider: "META_DIRECT", phoneNumberId: NUMBERS[ORG_A], kind: "190" });
    const c = clock(T0);
    const deps = depsFor(sandbox, redis, c.now);
    const m1 = await sendMessage({ organizationId: ORG_A, conversationId: `${ORG_A}-conv0`, content: text("uno") });
    const m2 = await sendMessage({ organizationId: ORG_A, conversationId: `${ORG_A}-conv1`, content: text("dos") });
    expect(await deliverMessage({ organizationId: ORG_A, messageId: m1.id }, deps)).toMatchObject({ outcome: "held" });
    // The operator resolves 5 s later, while m2's job — which started, and failed, at T0 — is still on its way.
    await resolvePanic({ organizationId: ORG_A, resolvedBy: "user-1", now: new Date(T0 + 5_000) });
    await expect(deliverMessage({ organizationId: ORG_A, messageId: m2.id }, deps)).rejects.toBeInstanceOf(DelayJob);
    expect((await listPanicModes({ organizationId: ORG_A })).filter((p) => p.status === "ACTIVE")).toHaveLength(0);
    expect((await adminDb().outboundDelivery.findUniqueOrThrow({ where: { messageId: m2.id } })).heldAt).toBeNull();
    // The provider still refuses after the resolve: that failure is news, and trips a new panic.
    c.advance(10_000);
    expect(await deliverMessage({ organizationId: ORG_A, messageId: m2.id }, deps)).toMatchObject({ outcome: "held" });
    expect((await listPanicModes({ organizationId: ORG_A })).filter((p) => p.status === "ACTIVE")).toHaveLength(1);
  });
});

describe("the 24-hour rule, opt-outs and tier limits", () => {
  it("refuses free text outside the window with TEMPLATE_REQUIRED and uses the fallback template when given", async () => {
    await adminDb().whatsAppConversation.update({ where: { id: `${ORG_A}-conv0` }, data: { windowExpiresAt: new Date(Date.now() - 1000) } });
    await adminDb().waTemplate.create({
      data: { organizationId: ORG_A, name: "job_scheduled", category: "UTILITY", status: "APPROVED", components: [{ type: "BODY", text: "Hola {{1}}, tu turno quedó agendado para el {{2}} a las {{3}}. Técnico: {{4}}." }] },
    });
    await expect(sendMessage({ organizationId: ORG_A, conversationId: `${ORG_A}-conv0`, content: text("¿Seguís ahí?") })).rejects.toMatchObject({
      code: "TEMPLATE_REQUIRED",
      status: 422,
    });
    const message = await sendMessage({
      organizationId: ORG_A, conversationId: `${ORG_A}-conv0`, content: text("Te agendamos"), purpose: "notification",
      templateFallback: { name: "job_scheduled", params: ["Ana", "martes 24/11", "10:30", "Diego"] },
    });
    expect(message.type).toBe("TEMPLATE");
    expect((message.content as { preview: string }).preview).toBe("Hola Ana, tu turno quedó agendado para el martes 24/11 a las 10:30. Técnico: Diego.");
    const c = clock(T0);
    expect(await deliverMessage({ organizationId: ORG_A, messageId: message.id }, depsFor(sandbox, redis, c.now))).toMatchObject({ outcome: "sent" });
    const [request] = await sentTo(NUMBERS[ORG_A]);
    expect(request!.body).toMatchObject({ type: "template", template: { name: "job_scheduled", language: { code: "es_AR" } } });
  });

  it("only lets opted-out customers get replies inside the window", async () => {
    await adminDb().customer.update({ where: { id: `${ORG_A}-c0` }, data: { optedOutAt: new Date() } });
    await expect(sendMessage({ organizationId: ORG_A, conversationId: `${ORG_A}-conv0`, content: text("ok") })).resolves.toMatchObject({ status: "QUEUED" });
    await adminDb().whatsAppConversation.update({ where: { id: `${ORG_A}-conv0` }, data: { windowExpiresAt: new Date(Date.now() - 1000) } });
    await expect(
      sendMessage({ organizationId: ORG_A, conversationId: `${ORG_A}-conv0`, content: { type: "template", name: "welcome", language: "es_AR", components: [] }, purpose: "marketing" }),
    ).rejects.toMatchObject({ code: "OPTED_OUT" });
  });

  it("counts each message once and answers LIMIT_REACHED at the tier limit, with an alert at 80 %", async () => {
    const events: { type: string }[] = [];
    const unsubscribe = await subscribeOrganizationEvents(ORG_A, (e) => events.push(e));
    await adminDb().whatsAppBusinessAccount.update({ where: { id: `${ORG_A}-wa` }, data: { monthlyMessageCount: 798 } });
    await sendMessage({ organizationId: ORG_A, conversationId: `${ORG_A}-conv0`, content: text("799") });
    await sendMessage({ organizationId: ORG_A, conversationId: `${ORG_A}-conv0`, content: text("800") });
    await sendMessage({ organizationId: ORG_A, conversationId: `${ORG_A}-conv0`, content: text("801") });
    await adminDb().whatsAppBusinessAccount.update({ where: { id: `${ORG_A}-wa` }, data: { monthlyMessageCount: 999 } });
    const last = await sendMessage({ organizationId: ORG_A, conversationId: `${ORG_A}-conv0`, content: text("1000"), idempotencyKey: "k-1000" });
    await expect(sendMessage({ organizationId: ORG_A, conversationId: `${ORG_A}-conv0`, content: text("1001") })).rejects.toMatchObject({ code: "LIMIT_REACHED" });
    // The same idempotency key returns the same message and is not counted again.
    expect((await sendMessage({ organizationId: ORG_A, conversationId: `${ORG_A}-conv0`, content: text("1000"), idempotencyKey: "k-1000" })).id).toBe(last.id);
    expect((await adminDb().whatsAppBusinessAccount.findUniqueOrThrow({ where: { id: `${ORG_A}-wa` } })).monthlyMessageCount).toBe(1000);
    await adminDb().organization.update({ where: { id: ORG_B }, data: { tier: "INICIAL" } });
    await expect(sendMessage({ organizationId: ORG_B, conversationId: `${ORG_B}-conv0`, content: text("hola") })).rejects.toMatchObject({ code: "LIMIT_REACHED" });
    await new Promise((r) => setTimeout(r, 100));
    await unsubscribe();
    expect(events.filter((e) => e.type === "usage.threshold")).toEqual([expect.objectContaining({ percent: 80, used: 800, limit: 1000 })]);
  });
});

describe("SMS fallback", () => {
  it("sends the text by SMS when WhatsApp fails for good, once", async () => {
    await sandbox.fault({ provider: "META_DIRECT", phoneNumberId: NUMBERS[ORG_A], kind: "130497" });
    const c = clock(T0);
    const deps = depsFor(sandbox, redis, c.now);
    const message = await sendMessage({ organizationId: ORG_A, conversationId: `${ORG_A}-conv0`, content: text("Tu técnico llega 10:30"), smsFallback: true });
    expect(await deliverMessage({ organizationId: ORG_A, messageId: message.id }, deps)).toEqual({ outcome: "failed", code: "130497" });
    const row = await adminDb().whatsAppMessage.findUniqueOrThrow({ where: { id: message.id }, include: { delivery: true } });
    expect(row).toMatchObject({ status: "FAILED", errorCode: "130497" });
    expect(row.delivery).toMatchObject({ smsStatus: "sent" });
    expect(row.delivery!.smsSid).toMatch(/^SM[0-9a-f]{32}$/);
    const sms = (await sandbox.requests("twilio", "/Messages.json")).filter((r) => r.response.status === 201);
    expect(sms).toHaveLength(1);
    expect(sms[0]!.body).toMatchObject({ To: "+5491150000000", Body: "Tu técnico llega 10:30", From: env.TWILIO_SMS_FROM });
    expect(await deliverMessage({ organizationId: ORG_A, messageId: message.id }, deps)).toEqual({ outcome: "skipped", reason: "already_sent" });
  });
});
