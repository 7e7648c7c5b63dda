import { z } from "zod";

const list = z
  .string()
  .default("")
  .transform((value) => value.split(",").map((item) => item.trim()).filter(Boolean));

// Alerts (docs/operations.md "Alerts"): the seed thresholds, overridable per deployment, and who hears about
// platform alerts. Business alerts go to each organization's owners and admins.
export const alertsEnv = z.object({
  ALERT_WEBHOOK_P95_MS: z.coerce.number().int().positive().default(5_000),
  ALERT_DELIVERY_SUCCESS_PERCENT: z.coerce.number().min(0).max(100).default(95),
  ALERT_AI_RESPONSE_PERCENT: z.coerce.number().min(0).max(100).default(90),
  ALERT_USAGE_PERCENT: z.coerce.number().min(1).max(100).default(80),
  ALERT_QUEUE_BACKLOG: z.coerce.number().int().positive().default(100),
  ALERT_QUEUE_OLDEST_SECONDS: z.coerce.number().int().positive().default(300),
  PLATFORM_ALERT_EMAILS: list,
  PLATFORM_ALERT_ORGANIZATION_ID: z.string().default("").transform((value) => value.trim() || null),
});
