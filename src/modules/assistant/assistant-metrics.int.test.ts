import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox } from "../../integrations/whatsapp/sandbox-harness";
import { env } from "../../lib/env";
import { assistantTurnSeconds, assistantTurnsTotal } from "../../lib/metrics/assistant-metrics";
import { sampleOf } from "../../lib/metrics/metrics-test-kit";
import { closeSharedRedis, sharedRedis, whenRedisReady } from "../../lib/redis";
import { closeQueues } from "../../workers/queue-registry";
import { ba, CONV, ORG_A, seedAssistantOrg, turn } from "./assistant-test-kit";
import { runAssistantTurn } from "./run-assistant-turn";

// Assistant turns counted by status and timed by engine (offline engine, real database).
let sandbox: TestSandbox;
const redis = new Redis(env.REDIS_URL);
const NOW = ba("2026-12-01T10:05:00");

beforeAll(async () => {
  sandbox = await startTestSandbox();
  await whenRedisReady(sharedRedis());
  await seedAssistantOrg(sandbox, redis, { now: NOW });
});
afterAll(async () => {
  await sandbox.close();
  await closeQueues();
  await closeSharedRedis();
  await redis.quit();
});

describe("assistant metrics", () => {
  it("counts an answered turn with its latency, and a repeated turn as skipped without timing it", async () => {
    const answered = await sampleOf(assistantTurnsTotal, { status: "answered", reason: "" });
    const duplicate = await sampleOf(assistantTurnsTotal, { status: "skipped", reason: "already_answered" });
    const timed = await sampleOf(assistantTurnSeconds, { engine: "offline" }, "_count");

    const turnId = await turn(["hola, se me tapó la pileta de la cocina"], NOW);
    const input = { organizationId: ORG_A, conversationId: CONV, turnId };
    expect(await runAssistantTurn(input, { now: NOW, openAi: null })).toMatchObject({ status: "answered" });
    expect(await sampleOf(assistantTurnsTotal, { status: "answered", reason: "" })).toBe(answered + 1);
    expect(await sampleOf(assistantTurnSeconds, { engine: "offline" }, "_count")).toBe(timed + 1);

    expect(await runAssistantTurn(input, { now: NOW, openAi: null })).toEqual({ status: "skipped", reason: "already_answered" });
    expect(await sampleOf(assistantTurnsTotal, { status: "skipped", reason: "already_answered" })).toBe(duplicate + 1);
    expect(await sampleOf(assistantTurnSeconds, { engine: "offline" }, "_count")).toBe(timed + 1);
  });
});
