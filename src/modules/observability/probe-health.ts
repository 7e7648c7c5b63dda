import type { Redis } from "ioredis";
import type { Database } from "@campotech/database";
import { checkHealth } from "../health/check-health";

export type ProbeResult = { service: "web" | "workers" | "postgres" | "redis"; ok: boolean; latencyMs: number; reason: string };

/**
 * One probe round, recorded as this minute's row per service (a second round in the same minute — two worker
 * processes, a retry — overwrites it rather than counting the minute twice). The web app is probed from outside,
 * through its public URL, as a customer's provider would reach it.
 */
export async function probeHealth(deps: {
  db: Database;
  redis: Redis;
  webHealthUrl: string;
  now?: Date;
  timeoutMs?: number;
}): Promise<ProbeResult[]> {
  const now = deps.now ?? new Date();
  const timeoutMs = deps.timeoutMs ?? 5_000;
  const [internal, web] = await Promise.all([
    checkHealth({ db: deps.db, redis: deps.redis, service: "workers" }, timeoutMs),
    probeWeb(deps.webHealthUrl, timeoutMs),
  ]);
  const { postgres, redis } = internal.checks;
  const results: ProbeResult[] = [
    web,
    // The worker answering this job is the proof that the workers are up.
    { service: "workers", ok: true, latencyMs: 0, reason: "" },
    { service: "postgres", ok: postgres.status === "up", latencyMs: postgres.latencyMs, reason: postgres.error ?? "" },
    { service: "redis", ok: redis.status === "up", latencyMs: redis.latencyMs, reason: redis.error ?? "" },
  ];
  const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  // A dead Postgres cannot record its own outage; the minute then stays empty, which uptime counts as down.
  await Promise.all(
    results.map((r) =>
      deps.db.healthProbe.upsert({
        where: { minute_service: { minute, service: r.service } },
        create: { minute, ...r },
        update: { ok: r.ok, latencyMs: r.latencyMs, reason: r.reason },
      }),
    ),
  ).catch(() => undefined);
  return results;
}

async function probeWeb(url: string, timeoutMs: number): Promise<ProbeResult> {
  const started = performance.now();
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { "user-agent": "campotech-probe" } });
    const latencyMs = Math.round(performance.now() - started);
    return response.ok
      ? { service: "web", ok: true, latencyMs, reason: "" }
      : { service: "web", ok: false, latencyMs, reason: `HTTP ${response.status}` };
  } catch (error) {
    const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    return { service: "web", ok: false, latencyMs: Math.round(performance.now() - started), reason: reason.slice(0, 300) };
  }
}
