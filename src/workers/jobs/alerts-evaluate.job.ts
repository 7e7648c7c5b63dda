import { z } from "zod";
import { evaluateAlerts } from "../../modules/alerts/evaluate-alerts";
import { defineJob } from "../define-job";

// Every minute: evaluate the alert rules (docs/operations.md "Alerts"), record what fires and what clears, and
// tell the business and the operators. `now` lets an operator replay an evaluation at a given instant.
export const alertsEvaluate = defineJob({
  name: "alerts.evaluate",
  queue: "system",
  schema: z.object({ now: z.iso.datetime().optional() }).passthrough(),
  defaults: { attempts: 1 },
  async handler(payload, ctx) {
    const result = await evaluateAlerts(payload.now ? { now: new Date(payload.now) } : {});
    const summary = {
      open: result.readings.filter((r) => r.firing).length,
      fired: result.fired.map((a) => a.dedupeKey),
      resolved: result.resolved.map((a) => a.dedupeKey),
      failedRules: result.failedRules,
      notices: result.notices.length,
    };
    if (result.fired.length || result.resolved.length || result.failedRules.length) ctx.logger.warn(summary, "alerts changed");
    return summary;
  },
});

export const ALERTS_EVALUATE_SCHEDULE = { every: 60_000 } as const;
