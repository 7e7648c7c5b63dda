import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";
import { Queue } from "bullmq";
import { Redis } from "ioredis";

// The reference: the least a correct webhook receiver can do — read the raw bytes, check X-Hub-Signature-256 in
// constant time, write the same BullMQ job (same queue, prefix, job id and options) and answer 200. No framework, no
// shape check, no rejected list. Run as its own process so it does not share an event loop with the load generator.
// argv: <port> <redisUrl> <queuePrefix> <appSecret>
const [portArg, redisUrl, prefix, appSecret] = process.argv.slice(2);
if (!portArg || !redisUrl || !prefix || !appSecret) throw new Error("usage: reference-handler <port> <redisUrl> <prefix> <appSecret>");

const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
const queue = new Queue("webhooks", { connection: redis, prefix });
const MAX = 1_048_576;

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  let size = 0;
  req.on("data", (chunk: Buffer) => {
    size += chunk.length;
    if (size <= MAX) chunks.push(chunk);
  });
  req.on("end", () => {
    void (async () => {
      if (size > MAX) return end(413);
      const raw = Buffer.concat(chunks);
      const header = /^sha256=([0-9a-f]{64})$/.exec(String(req.headers["x-hub-signature-256"] ?? ""));
      const expected = createHmac("sha256", appSecret).update(raw).digest();
      if (!header?.[1] || !timingSafeEqual(Buffer.from(header[1], "hex"), expected)) return end(401);
      const deliveryId = createHash("sha256").update(raw).digest("hex");
      try {
        await queue.add(
          "whatsapp.process-webhook",
          { provider: "META_DIRECT", deliveryId, receivedAt: new Date().toISOString(), rawBody: raw.toString("utf8") },
          { jobId: `wh-META_DIRECT-${deliveryId}`, attempts: 10, backoff: { type: "exponential", delay: 1000 }, removeOnComplete: { age: 7 * 24 * 3600 }, removeOnFail: false },
        );
      } catch {
        return end(503);
      }
      end(200, '{"received":true}');
    })();
  });
  function end(status: number, body = "") {
    res.writeHead(status, { "content-type": "application/json" }).end(body);
  }
});

await redis.connect().catch(() => {});
server.listen(Number(portArg), "127.0.0.1", () => process.stdout.write("reference ready\n"));
