import { Redis } from "ioredis";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox } from "../../integrations/whatsapp/sandbox-harness";
import { env } from "../../lib/env";
import { listDeadLetters, replayDeadLetters } from "./dead-letters";
import { clock, depsFor, drain, NUMBERS, ORG_A, seedOrganizations } from "./outbound-test-kit";
import { resolvePanic } from "./panic-admin";
import { sendMessage } from "./send-message";

// Messages to one customer reach the provider in the order they were created, whatever order their delivery jobs
// run in (several workers, retries, a panic release, a dead-letter replay); other conversations are not held back.
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
const bodiesSentTo = async (to: string) =>
  (await sandbox.requests("meta", `/${NUMBERS[ORG_A]}/messages`))
    .filter((r) => r.response.status === 200 && (r.body as { to: string }).to === to)
    .map((r) => (r.body as { text: { body: string } }).text.body);
const job = (m: { id: string }) => ({ organizationId: ORG_A, messageId: m.id });
async function sendInOrder(conversation: string, bodies: string[]) {
  const out = [];
  for (const b of bodies) out.push(await sendMessage({ organizationId: ORG_A, conversationId: conversation, content: text(b) }));
  return out;
}

describe("order per conversation", () => {
  it("three replies held by a 190 panic reach the phone as 1, 2, 3 after resolve, even when their jobs run 3, 2, 1", async () => {
    await sandbox.fault({ provider: "META_DIRECT", phoneNumberId: NUMBERS[ORG_A], kind: "190" });
    const c = clock(T0);
    const deps = depsFor(sandbox, redis, c.now);
    const [m1, m2, m3] = await sendInOrder(`${ORG_A}-conv0`, ["uno", "dos", "tres"]);
    const held = await drain([job(m1!), job(m2!), job(m3!)], deps, c);
    expect(held.done.map((d) => d.outcome)).toEqual(["held", "held", "held"]);

    await sandbox.clearFaults();
    expect(await resolvePanic({ organizationId: ORG_A, resolvedBy: "user-1" })).toMatchObject({ released: 3 });
    const released = await drain([job(m3!), job(m2!), job(m1!)], deps, c);
    expect(released.done.map((d) => [d.messageId, d.outcome])).toEqual([[m1!.id, "sent"], [m2!.id, "sent"], [m3!.id, "sent"]]);
    expect(released.delays.every((d) => d.reason.includes("sent earlier in the conversation"))).toBe(true);
    expect(await bodiesSentTo("5491150000000")).toEqual(["uno", "dos", "tres"]);
  });

  it("a retrying message holds back only its own conversation; a later one waits for the retry", async () => {
    await sandbox.fault({ provider: "META_DIRECT", phoneNumberId: NUMBERS[ORG_A], kind: "5xx", count: 1 });
    const c = clock(T0);
    const deps = depsFor(sandbox, redis, c.now);
    const [first, second] = await sendInOrder(`${ORG_A}-conv0`, ["primero", "segundo"]);
    const [other] = await sendInOrder(`${ORG_A}-conv1`, ["otra conversación"]);
    const { done } = await drain([job(first!), job(second!), job(other!)], deps, c);
    // The other conversation's message goes at once, while "primero" waits out its 1 s retry.
    expect(done.map((d) => [d.messageId, d.at - T0])).toEqual([[other!.id, 0], [first!.id, 1_000], [second!.id, 1_000]]);
    expect(await bodiesSentTo("5491150000000")).toEqual(["primero", "segundo"]);
  });

  it("a dead-lettered message stops holding its conversation back", async () => {
    await sandbox.fault({ provider: "META_DIRECT", phoneNumberId: NUMBERS[ORG_A], kind: "5xx" });
    const c = clock(T0);
    const deps = depsFor(sandbox, redis, c.now);
    const [a, d] = await sendInOrder(`${ORG_A}-conv0`, ["a", "d"]);
    expect((await drain([job(a!)], deps, c)).done).toMatchObject([{ outcome: "dead_lettered" }]);
    await sandbox.clearFaults();
    expect((await drain([job(d!)], deps, c)).done).toMatchObject([{ outcome: "sent", at: c.now() }]);
    expect(await bodiesSentTo("5491150000000")).toEqual(["d"]);
  });

  it("replaying several dead letters of one conversation sends them in creation order", async () => {
    await sandbox.fault({ provider: "META_DIRECT", phoneNumberId: NUMBERS[ORG_A], kind: "5xx" });
    const c = clock(T0);
    const deps = depsFor(sandbox, redis, c.now);
    const [x, y] = await sendInOrder(`${ORG_A}-conv2`, ["equis", "ye"]);
    await drain([job(x!), job(y!)], deps, c);
    expect((await listDeadLetters({ organizationId: ORG_A })).map((l) => l.messageId).sort()).toEqual([x!.id, y!.id].sort());
    await sandbox.clearFaults();
    await replayDeadLetters({ organizationId: ORG_A });
    const { done } = await drain([job(y!), job(x!)], deps, c);
    expect(done.map((o) => o.messageId)).toEqual([x!.id, y!.id]);
    expect(await bodiesSentTo("5491150000002")).toEqual(["equis", "ye"]);
  });
});
