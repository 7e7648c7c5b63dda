import { z } from "zod";
import { db } from "../../lib/db";
import { env } from "../../lib/env";
import { sharedRedis } from "../../lib/redis";
import { probeHealth } from "../../modules/observability/probe-health";
import { defineJob } from "../define-job";

// Every minute: probe the web app (through its public URL), Postgres and Redis, and record the minute. Uptime in
// the statistics report is computed from these rows.
export const observabilityProbeHealth = defineJob({
  name: "observability.probe-health",
  queue: "system",
  schema: z.object({}).passthrough(),
  defaults: { attempts: 1 },
  async handler(_payload, ctx) {
    const results = await probeHealth({ db, redis: sharedRedis(), webHealthUrl: new URL("/api/health", env.PUBLIC_BASE_URL).toString() });
    const down = results.filter((r) => !r.ok);
    if (down.length) ctx.logger.warn({ down }, "health probe: a service is down");
    return { down: down.map((r) => r.service) };
  },
});

export const OBSERVABILITY_PROBE_SCHEDULE = { every: 60_000 } as const;
