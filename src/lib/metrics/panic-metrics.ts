import { Gauge } from "prom-client";
import { defineMetric } from "./registry";

// ACTIVE panic modes across all organizations, by channel ("whatsapp", "sms", "arca": the integration's prefix, never
// the account or organization). Read from Postgres at scrape time (src/modules/metrics/collect-panic-modes.ts).
export const panicModesActive = defineMetric(
  "campotech_panic_modes_active",
  (registers) =>
    new Gauge({
      name: "campotech_panic_modes_active",
      help: "Active panic modes by channel (read at scrape time)",
      labelNames: ["channel"] as const,
      registers,
    }),
);
