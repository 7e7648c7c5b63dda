import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSandbox } from "../integrations/whatsapp/sandbox-harness";
import { keySlot } from "../lib/testing/key-slot";
import { startRedisCluster } from "../lib/testing/redis-cluster";

// issue 22 (cluster): the queue layer on a real Redis Cluster (three masters started here), the way production runs
// it with REDIS_CLUSTER_NODES: our enqueue, real BullMQ Workers from the job catalog through processJob, DelayJob,
// job schedulers, and our own multi-key Redis operations. A key pair split across slots fails with CROSSSLOT.
// env is parsed once per process, so the cluster and the sandbox exist before any module reads it.
const cluster = await startRedisCluster();
const sandbox = await startTestSandbox();
process.env.REDIS_CLUSTER_NODES = cluster.nodes.join(",");
process.env.META_GRAPH_API_URL = `${sandbox.url}/meta`;

const { startWorkers } = await import("../../apps/workers/src/start-workers");
const { adminDb } = await import("../lib/db");
const { env } = await import("../lib/env");
const { jobDurationSeconds } = await import("../lib/metrics/job-metrics");
const { acquireLock } = await import("../lib/redis-lock");
const { closeSharedRedis, isRedisCluster, redisNodes, scanKeys, sharedRedis, whenRedisReady } = await import("../lib/redis");
const { checkRedisDurability } = await import("../modules/health/check-redis-durability");
const { NUMBERS, ORG_A, seedOrganizations } = await import("../modules/messaging/outbound-test-kit");
const { deliveryReadyKey, integrationOf, orgRateKey, panicOutcomesKey } = await import("../modules/messaging/outbound-keys");
const { sendMessage } = await import("../modules/messaging/send-message");
const { publishOrganizationEvents } = await import("../modules/events/publish-organization-events");
const { subscribeOrganizationEvents } = await import("../modules/events/subscribe-organization-events");
const { forgetActiveJobs, getActiveJob } = await import("../modules/tracking/active-job-cache");
const { readLatestPositions, storeLatestPosition } = await import("../modules/tracking/latest-position");
const { trackingGeoPattern, trackingKeys } = await import("../modules/tracking/tracking-keys");
const { jobCatalog } = await import("./catalog");
const { closeQueues, enqueue, getQueue } = await import("./enqueue");
const { messagingMaintenance } = await import("./jobs/messaging-maintenance.job");
const { processJob } = await import("./process-job");
const { QUEUES, queuePrefix } = await import("./queues");

const single = new Redis(env.REDIS_URL);
const redis = sharedRedis();
let pool: ReturnType<typeof startWorkers> | undefined;

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

beforeAll(async () => {
  // Postgres, the sandbox and the single test Redis reset as in the outbound tests; the cluster is this file's own.
  await seedOrganizations(sandbox, single);
  await whenRedisReady(redis, 10_000);
});

afterAll(async () => {
  try {
    await pool?.close(5_000);
    await closeQueues();
    await closeSharedRedis();
    await single.quit();
    await sandbox.close();
  } finally {
    await cluster.stop();
  }
});

describe("Redis Cluster", () => {
  it("is what the process talks to, with a hash-tagged prefix per queue that the cluster places as we compute", async () => {
    expect(isRedisCluster(redis)).toBe(true);
    expect(redisNodes(redis)).toHaveLength(3);
    for (const queue of Object.values(QUEUES)) {
      const key = `${queuePrefix(queue)}:${queue}:wait`;
      expect(key.startsWith(`{${env.QUEUE_PREFIX}:${queue}}:`)).toBe(true);
      expect(Number(await redis.call("CLUSTER", "KEYSLOT", key))).toBe(keySlot(key));
    }
  });

  it("delivers three replies of one conversation in order through real Workers, a rate-limit DelayJob included", async () => {
    // Two sends per 1.5 s: the third reply waits (DelayJob → BullMQ delayed set) and the second and third may wait
    // behind the earlier ones of their conversation (waiters and ready keys).
    await adminDb().organization.update({ where: { id: ORG_A }, data: { settings: { messaging: { rateLimit: 2, rateWindowMs: 1_500 } } } });
    const messages: { id: string }[] = [];
    for (const body of ["uno", "dos", "tres"]) {
      messages.push(await sendMessage({ organizationId: ORG_A, conversationId: `${ORG_A}-conv0`, content: { type: "text", body } }));
    }
    const delayedBefore = await delayedCount();
    pool = startWorkers({ catalog: jobCatalog, processor: processJob, concurrency: 4 });

    const bodies = await until(
      async () => (await sandbox.requests("meta", `/${NUMBERS[ORG_A]}/messages`)).filter((r) => r.response.status === 200).map((r) => (r.body as { text: { body: string } }).text.body),
      (sent) => sent.length >= 3,
      "three sends",
    );
    expect(bodies).toEqual(["uno", "dos", "tres"]);
    // The sliding window and the panic breaker ran their scripts on the cluster; the third delivery was delayed.
    expect(await redis.zcard(orgRateKey(ORG_A))).toBeGreaterThanOrEqual(1);
    expect(await redis.zcard(panicOutcomesKey(integrationOf(`${ORG_A}-wa`)))).toBe(3);
    expect(await redis.exists(deliveryReadyKey(messages[2]!.id))).toBe(1);
    expect((await delayedCount()) - delayedBefore).toBeGreaterThanOrEqual(1);
    // The job completes after the provider answered: each message ends with the provider's id.
    await until(
      () => adminDb().whatsAppMessage.findMany({ where: { id: { in: messages.map((m) => m.id) } }, select: { waMessageId: true } }),
      (stored) => stored.every((m) => m.waMessageId),
      "the provider ids stored",
    );
  });

  it("runs delayed, deduplicated and scheduled jobs from the catalog", async () => {
    const system = getQueue("system");
    const first = await enqueue(messagingMaintenance.name, {}, { jobId: "cluster-once", delay: 300 });
    const again = await enqueue(messagingMaintenance.name, {}, { jobId: "cluster-once", delay: 300 });
    expect(again.id).toBe(first.id);
    expect(await (await system.getJob(first.id!))!.getState()).toBe("delayed");
    await system.upsertJobScheduler("cluster-test-scheduler", { every: 500 }, { name: messagingMaintenance.name, data: {} });

    await until(async () => (await system.getJob(first.id!))?.getState(), (state) => state === "completed", "the delayed job");
    const scheduled = await until(
      async () => (await system.getJobs(["completed"])).filter((job) => job.repeatJobKey === "cluster-test-scheduler"),
      (jobs) => jobs.length >= 2,
      "two scheduled runs",
    );
    expect(scheduled.every((job) => job.name === messagingMaintenance.name)).toBe(true);
    expect(await system.removeJobScheduler("cluster-test-scheduler")).toBe(true);
  });

  it("keeps tracking's MULTI, MGET and scripts, locks and SCAN working across the cluster's nodes", async () => {
    const organizations = ["org-a", "org-b", "org-c", "org-d", "org-e", "org-f"];
    const latest = { lat: -34.6, lng: -58.38, accuracy: 5, speed: null, heading: null, recordedAt: new Date().toISOString(), jobId: "j1", jobStatus: "en_camino" as const, eta: null, arrivalSuggested: false };
    for (const org of organizations) {
      await storeLatestPosition(redis, org, "tech-1", latest);
      await storeLatestPosition(redis, org, "tech-2", { ...latest, lat: -34.7 });
    }
    const read = await readLatestPositions(redis, "org-b", ["tech-1", "tech-2", "tech-3"]);
    expect([...read.keys()]).toEqual(["tech-1", "tech-2"]);

    expect(await getActiveJob(redis, ORG_A, "nobody")).toBeNull();
    expect(await redis.get(trackingKeys.active(ORG_A, "nobody"))).toBe("none");
    await forgetActiveJobs(redis, ORG_A, ["nobody", "someone"]);
    expect(await redis.get(trackingKeys.active(ORG_A, "nobody"))).toBeNull();
    expect(await redis.get(trackingKeys.activeGeneration(ORG_A, "someone"))).toBe("1");

    const lock = await acquireLock(redis, `${env.QUEUE_PREFIX}:lock:cluster-test`, { ttlMs: 5_000 });
    expect(lock).not.toBeNull();
    expect(await acquireLock(redis, `${env.QUEUE_PREFIX}:lock:cluster-test`)).toBeNull();
    await lock!.release();
    expect(await redis.exists(`${env.QUEUE_PREFIX}:lock:cluster-test`)).toBe(0);

    // Six organizations' GEO sets land on more than one node; scanKeys finds every one of them.
    const geoKeys = organizations.map((org) => trackingKeys.geo(org));
    const perNode = await Promise.all(redisNodes(redis).map(async (node) => (await node.keys(trackingGeoPattern())).length));
    expect(perNode.filter((count) => count > 0).length).toBeGreaterThan(1);
    const found: string[] = [];
    for await (const key of scanKeys(redis, trackingGeoPattern())) found.push(key);
    expect(found.sort()).toEqual([...geoKeys].sort());
  });

  it("carries dashboard events from a publisher to a subscriber through the cluster", async () => {
    const received: unknown[] = [];
    const stop = await subscribeOrganizationEvents(ORG_A, (event) => received.push(event));
    const event = { type: "usage.threshold" as const, organizationId: ORG_A, percent: 80, used: 800, limit: 1000, at: new Date().toISOString() };
    await publishOrganizationEvents([event]);
    await until(async () => received.length, (count) => count >= 1, "the event");
    expect(received).toEqual([event]);
    await stop();
  });

  it("checks every master's durability and names the node at fault", async () => {
    const durability = await checkRedisDurability(redis);
    expect(durability.persistence).toBe("none");
    expect(durability.problems[0]).toMatch(/^127\.0\.0\.1:\d+: Redis no guarda nada en disco/);
  });
});

async function delayedCount(): Promise<number> {
  const metric = await jobDurationSeconds.get();
  return metric.values
    .filter((v) => v.metricName?.endsWith("_count") && v.labels.job === "messaging.deliver-message" && v.labels.result === "delayed")
    .reduce((sum, v) => sum + v.value, 0);
}
