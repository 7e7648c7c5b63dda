import { z } from "zod";
import { runRetention } from "../../modules/retention/run-retention";
import { defineJob } from "../define-job";

// Every night at 03:30 Buenos Aires (a job scheduler registered by apps/workers): message bodies and media past the
// plan's days, conversations a year without messages, logs past 30 days, position history past its window
// (docs/operations.md, "Retention and privacy"). The report (counts per organization) goes to the job log; each
// organization that lost something gets an audit entry.
export const retentionRun = defineJob({
  name: "retention.run",
  queue: "system",
  schema: z.object({}).passthrough(),
  defaults: { attempts: 1 },
  async handler(_payload, ctx) {
    const report = await runRetention({ trigger: "job" });
    ctx.logger.info({ totals: report.totals, platform: report.platform, organizations: report.organizations.length }, "retention run done");
    return report;
  },
});

export const RETENTION_RUN_SCHEDULE = { pattern: "30 3 * * *", tz: "America/Argentina/Buenos_Aires" } as const;
