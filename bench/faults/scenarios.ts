import { settled, type Audit } from "./audit";
import type { Stack } from "./stack";
import { openConversations, resolvePanics, sendInbound, sendOutbound, PHONE_NUMBER_ID } from "./traffic";

// One scenario per fault: a burst of inbound turns and of our sends, the fault injected once part of the burst is
// in, recovery, then the audit. `size` scales the burst (the short CI form uses 1, the full form more).

export type Scenario = { name: string; short: boolean; run(stack: Stack, size: number): Promise<Audit> };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function burst(stack: Stack, size: number, fault: (stack: Stack) => Promise<void>, options: { settleMs?: number; faultAfterSends?: boolean } = {}): Promise<Audit> {
  const inboundCount = 12 * size;
  const conversations = await openConversations(4 * size);
  let fired: Promise<void> | undefined;
  const trigger = () => {
    fired ??= fault(stack);
  };
  // Sends first when the fault must find them already acknowledged (Redis restart: AOF must keep them).
  const outbound = options.faultAfterSends ? await sendOutbound(conversations, 4) : [];
  const [inbound, sent] = await Promise.all([
    sendInbound(stack, inboundCount, 4, (done) => {
      if (done === Math.ceil(inboundCount / 3)) trigger();
    }),
    options.faultAfterSends ? Promise.resolve(outbound) : sendOutbound(conversations, 4),
  ]);
  trigger();
  await fired;
  return settled(stack, inbound, sent, options.settleMs ?? 90_000);
}

async function providerStorm(stack: Stack, size: number, kind: string): Promise<Audit> {
  // Every send fails for a while (count-limited: the storm passes), then the retries go through.
  await stack.control("POST", "/_sandbox/faults", { provider: "META_DIRECT", phoneNumberId: PHONE_NUMBER_ID, kind, count: 10 * size });
  try {
    return await burst(stack, size, async () => {});
  } finally {
    await stack.control("DELETE", "/_sandbox/faults");
  }
}

export const SCENARIOS: Scenario[] = [
  {
    name: "SIGKILL workers mid-burst",
    short: true,
    run: (stack, size) => burst(stack, size, async (s) => {
      s.killWorkers();
      await sleep(1000);
      await s.startWorkers();
    }),
  },
  {
    name: "SIGKILL web mid-burst",
    short: false,
    run: (stack, size) => burst(stack, size, async (s) => {
      s.killWeb();
      await sleep(1500);
      await s.startWeb();
    }),
  },
  {
    name: "Redis SIGKILL + restart (AOF)",
    short: true,
    run: (stack, size) => burst(stack, size, (s) => s.restartRedis(1500), { faultAfterSends: true }),
  },
  {
    name: "Postgres restart mid-load",
    short: true,
    run: (stack, size) => burst(stack, size, (s) => s.pg.restart(1500)),
  },
  { name: "provider 429 storm", short: true, run: (stack, size) => providerStorm(stack, size, "130429") },
  { name: "provider 5xx storm", short: true, run: (stack, size) => providerStorm(stack, size, "5xx") },
  {
    name: "190 auth failure → panic → resolve",
    short: false,
    run: async (stack, size) => {
      // The token "expires": the first send trips panic mode, the rest are held. Then the token is fixed and an
      // operator resolves: what was held goes, in order.
      await stack.control("POST", "/_sandbox/faults", { provider: "META_DIRECT", phoneNumberId: PHONE_NUMBER_ID, kind: "190" });
      const { adminDb } = await import("../../src/lib/db");
      return burst(stack, size, async (s) => {
        const deadline = Date.now() + 30_000;
        while (Date.now() < deadline && !(await adminDb().panicMode.count({ where: { status: "ACTIVE" } }))) await sleep(250);
        await sleep(2000);
        await s.control("DELETE", "/_sandbox/faults");
        await resolvePanics();
      });
    },
  },
];
