import type { Metric } from "prom-client";
import { assistantTurnSeconds, assistantTurnsTotal } from "./assistant-metrics";
import { externalCallSeconds, externalCallsTotal } from "./external-call-metrics";
import { jobDurationSeconds, jobFailuresTotal } from "./job-metrics";
import { outboundSendsTotal } from "./outbound-metrics";
import { panicModesActive } from "./panic-metrics";
import { queueJobs, queueOldestWaitingSeconds } from "./queue-metrics";
import { rateLimitWaitSeconds, rateLimitWaitsTotal } from "./rate-limit-metrics";
import { webhookAckSeconds } from "./webhook-metrics";

// Every CampoTech metric family. Importing this registers them all, so a scrape lists every family even before the
// code path that feeds one has run in this process (the web app loads route modules lazily).
export const METRIC_FAMILIES: readonly Metric[] = [
  webhookAckSeconds,
  queueJobs,
  queueOldestWaitingSeconds,
  jobDurationSeconds,
  jobFailuresTotal,
  outboundSendsTotal,
  rateLimitWaitsTotal,
  rateLimitWaitSeconds,
  panicModesActive,
  assistantTurnsTotal,
  assistantTurnSeconds,
  externalCallsTotal,
  externalCallSeconds,
];
