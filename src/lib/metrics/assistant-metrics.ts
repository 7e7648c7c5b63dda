import { Counter, Histogram } from "prom-client";
import { defineMetric } from "./registry";

// Assistant turns (src/modules/assistant/run-assistant-turn.ts). status: answered, silent or skipped; reason: why a
// turn was skipped (assistant_off, plan_limit, paused…, a fixed set), empty otherwise.
export const assistantTurnsTotal = defineMetric(
  "campotech_assistant_turns_total",
  (registers) =>
    new Counter({
      name: "campotech_assistant_turns_total",
      help: "Assistant turns by status (answered, silent, skipped) and skip reason",
      labelNames: ["status", "reason"] as const,
      registers,
    }),
);

// Turns that ran an engine: from the job's start to the reply handed to the outbound engine. engine: openai, offline.
export const assistantTurnSeconds = defineMetric(
  "campotech_assistant_turn_duration_seconds",
  (registers) =>
    new Histogram({
      name: "campotech_assistant_turn_duration_seconds",
      help: "Assistant turn latency (engine run and reply), by engine",
      labelNames: ["engine"] as const,
      buckets: [0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30, 60],
      registers,
    }),
);
