import { Agent, request } from "node:http";

export type Payload = { body: Buffer; signature: string };
export type RunResult = { requests: number; ok: number; errors: number; seconds: number; ackPerSec: number; p50: number; p99: number; max: number };

/**
 * Closed-loop load: `concurrency` keep-alive connections, each sending its next request as soon as the previous one
 * is answered, until `count` requests or `maxSeconds` have gone by. Latency is measured per request, from write to the
 * end of the response body.
 */
export async function runLoad(
  url: string,
  payloads: Payload[],
  options: { concurrency: number; count: number; maxSeconds: number; method?: "POST" | "GET"; okStatus?: number },
): Promise<RunResult> {
  const target = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const latencies: number[] = [];
  let next = 0;
  let ok = 0;
  let errors = 0;
  const started = process.hrtime.bigint();
  const deadline = started + BigInt(options.maxSeconds) * 1_000_000_000n;

  async function worker(): Promise<void> {
    while (next < options.count && process.hrtime.bigint() < deadline) {
      const payload = payloads[next++ % payloads.length]!;
      const t0 = process.hrtime.bigint();
      const status = await send(target, agent, payload, options.method ?? "POST").catch(() => 0);
      latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      if (status === (options.okStatus ?? 200)) ok++;
      else errors++;
    }
  }
  await Promise.all(Array.from({ length: options.concurrency }, () => worker()));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
  return { requests: latencies.length, ok, errors, seconds, ackPerSec: ok / seconds, p50: pct(50), p99: pct(99), max: latencies.at(-1) ?? NaN };
}

function send(url: URL, agent: Agent, payload: Payload, method: "POST" | "GET"): Promise<number> {
  const headers = method === "GET" ? {} : { "content-type": "application/json", "content-length": payload.body.length, "x-hub-signature-256": payload.signature, "user-agent": "facebookexternalua" };
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname + url.search, method, agent, headers },
      (res) => {
        res.on("data", () => {});
        res.on("end", () => resolve(res.statusCode ?? 0));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(method === "GET" ? undefined : payload.body);
  });
}
