import { faultEvidence, settled, type Audit } from "./audit";
import type { Stack } from "./stack";
import { openConversations, resolvePanics, sendInbound, sendOutbound, PHONE_NUMBER_ID } from "./traffic";

// One scenario per fault: a burst of inbound turns and of our sends, the fault injected once part of the burst is
// in, recovery, then the audit. `size` scales the burst (the short CI form uses 1, the full form more).

export type Scenario = { name: string; short: boolean; run(stack: Stack, size: number): Promise<Audit> };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function burst(stack: Stack, size: number, fault: (stack: Stack) => Promise<void>, options: { settleMs?: number; faultAfterSends?: boolean } = {}): Promise<Audit> {
  const since = Date.now();
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
  const result = await settled(stack, inbound, sent, options.settleMs ?? 90_000);
  return { ...result, ...(await faultEvidence(stack, since)) };
}

// The provider storms until its failures are used up, or until panic mode trips (then nothing reaches it to use
// them up); then it recovers and, if panic mode held the sends, an operator resolves it: what was held goes.
async function stormPasses(stack: Stack): Promise<void> {
  const { adminDb } = await import("../../src/lib/db");
  const deadline = Date.now() + 60_000;
  for (;;) {
    const faults = await stack.control<{ remaining?: number }[]>("GET", "/_sandbox/faults");
    const over = faults.every((f) => f.remaining !== undefined && f.remaining <= 0);
    const panics = await adminDb().panicMode.count({ where: { status: "ACTIVE" } });
    if (over || panics > 0 || Date.now() > deadline) break;
    await sleep(250);
  }
  await sleep(2000); // the panic holds whatever is in flight
  await stack.control("DELETE", "/_sandbox/faults");
  await resolvePanics();
}

async function providerStorm(stack: Stack, size: number, kinds: string[]): Promise<Audit> {
  for (const kind of kinds) {
    await stack.control("POST", "/_sandbox/faults", { provider: "META_DIRECT", phoneNumberId: PHONE_NUMBER_ID, kind, count: Math.ceil((10 * size) / kinds.length) });
  }
  try {
    return await burst(stack, size, stormPasses);
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
    short: false,
    run: (stack, size) => burst(stack, size, (s) => s.pg.restart(1500)),
  },
  { name: "provider 429 storm", short: false, run: (stack, size) => providerStorm(stack, size, ["130429"]) },
  { name: "provider 5xx storm", short: false, run: (stack, size) => providerStorm(stack, size, ["5xx"]) },
  { name: "provider 429 + 5xx storm", short: true, run: (stack, size) => providerStorm(stack, size, ["130429", "5xx"]) },
  {
    name: "190 auth failure → panic → resolve",
    short: false,
    run: async (stack, size) => {
      // The token "expires" (a 190 on every call): the first send trips panic mode, the rest are held. Then the token
      // is fixed and an operator resolves: what was held goes, in order.
      await stack.control("POST", "/_sandbox/faults", { provider: "META_DIRECT", phoneNumberId: PHONE_NUMBER_ID, kind: "190" });
      return burst(stack, size, stormPasses);
    },
  },
];
