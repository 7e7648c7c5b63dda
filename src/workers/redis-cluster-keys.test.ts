import { QueueKeys } from "bullmq";
import { describe, expect, it } from "vitest";

// Hash tags on, as in cluster mode: the outbound key builders read it (env is parsed on first import).
process.env.REDIS_HASH_TAGS = "on";
const { keySlot } = await import("../lib/testing/key-slot");
const { deliveryReadyKey, deliveryWaitersKey, numberRateKey, orgRateKey, pairBackoffKey } = await import("../modules/messaging/outbound-keys");
const { trackingKeys } = await import("../modules/tracking/tracking-keys");
const { QUEUES, queuePrefix } = await import("./queues");

// issue 22 (cluster): every group of keys that one MULTI, MGET or script touches must live in one hash slot, or a
// Redis Cluster refuses it with CROSSSLOT. (redis-cluster.int.test.ts runs the same code on a real cluster.)
const sameSlot = (keys: string[]) => new Set(keys.map(keySlot)).size === 1;

describe("keySlot", () => {
  it("matches Redis Cluster's published slots", () => {
    // Values from the Redis Cluster specification and CLUSTER KEYSLOT.
    expect(keySlot("123456789")).toBe(0x31c3 % 16384);
    expect(keySlot("foo")).toBe(12182);
    expect(keySlot("{user1000}.following")).toBe(keySlot("{user1000}.followers"));
    // An empty tag does not count (the whole key is hashed); the tag ends at the first "}" after the first "{".
    expect(keySlot("foo{}{bar}")).not.toBe(keySlot("bar"));
    expect(keySlot("foo{{bar}}zap")).toBe(keySlot("{bar"));
  });
});

describe("BullMQ queue prefixes", () => {
  const jobKeys = (prefix: string, queue: string) => {
    const keys = Object.values(new QueueKeys(prefix).getKeys(queue));
    // A job's hash, lock and logs, and a job scheduler's key: the scripts touch them with the queue's own keys.
    return [...keys, `${prefix}:${queue}:deliver-m1`, `${prefix}:${queue}:deliver-m1:lock`, `${prefix}:${queue}:deliver-m1:logs`, `${prefix}:${queue}:repeat:messaging.maintenance`];
  };

  it("with hash tags, every key of one queue shares a slot, and the queues spread over several slots", () => {
    for (const queue of Object.values(QUEUES)) {
      const prefix = queuePrefix(queue, "campotech", true);
      expect(prefix).toBe(`{campotech:${queue}}`);
      expect(sameSlot(jobKeys(prefix, queue)), queue).toBe(true);
    }
    const slots = new Set(Object.values(QUEUES).map((queue) => keySlot(queuePrefix(queue, "campotech", true))));
    expect(slots.size).toBeGreaterThan(Object.values(QUEUES).length / 2);
  });

  it("without hash tags a single Redis keeps today's keys, which a cluster would scatter", () => {
    expect(queuePrefix("webhooks", "campotech", false)).toBe("campotech");
    expect(sameSlot(jobKeys("campotech", "webhooks"))).toBe(false);
  });

  it("a prefix that already carries a tag is kept as is", () => {
    expect(queuePrefix("outbound", "{campotech}", true)).toBe("{campotech}");
    expect(sameSlot(jobKeys("{campotech}", "outbound"))).toBe(true);
  });
});

describe("tracking keys", () => {
  it("one organization's keys share a slot (MULTI in storeLatestPosition and forgetActiveJobs, MGET, the generation script)", () => {
    const keys = [
      trackingKeys.geo("org-a"),
      trackingKeys.organization("org-a"),
      ...["tech-1", "tech-2", "tech-3"].flatMap((t) => [
        trackingKeys.last("org-a", t), trackingKeys.cursor("org-a", t), trackingKeys.active("org-a", t),
        trackingKeys.activeGeneration("org-a", t), trackingKeys.eventThrottle("org-a", t),
      ]),
      trackingKeys.autoArrived("org-a", "job-1"),
    ];
    expect(sameSlot(keys)).toBe(true);
    expect(keySlot(trackingKeys.geo("org-a"))).not.toBe(keySlot(trackingKeys.geo("org-b")));
  });
});

describe("outbound keys", () => {
  it("a send's pair backoff, organization window and number window share a slot (acquireSendSlot's one script)", () => {
    expect(sameSlot([pairBackoffKey("acc-1", "+5491150000000", "org-a"), orgRateKey("org-a"), numberRateKey("acc-1", "org-a")])).toBe(true);
    expect(keySlot(orgRateKey("org-a"))).not.toBe(keySlot(orgRateKey("org-b")));
  });

  it("a message's waiters and ready keys share a slot (one MULTI when a later message waits behind it)", () => {
    expect(sameSlot([deliveryWaitersKey("msg-1"), deliveryReadyKey("msg-1")])).toBe(true);
    expect(keySlot(deliveryWaitersKey("msg-1"))).not.toBe(keySlot(deliveryWaitersKey("msg-2")));
  });
});
