import { Counter, Histogram } from "prom-client";
import { boundedLabel, defineMetric, secondsSince } from "./registry";

export type ExternalService = "arca" | "mercadopago";

// Calls to ARCA (WSAA/WSFE SOAP operations) and MercadoPago (REST), by operation and result: "ok", or the failure's
// class (ARCA: fault, http, timeout, network; MercadoPago: http_<status> or network).
export const externalCallsTotal = defineMetric(
  "campotech_external_calls_total",
  (registers) =>
    new Counter({
      name: "campotech_external_calls_total",
      help: "Calls to ARCA and MercadoPago by service, operation and result",
      labelNames: ["service", "operation", "result"] as const,
      registers,
    }),
);

export const externalCallSeconds = defineMetric(
  "campotech_external_call_duration_seconds",
  (registers) =>
    new Histogram({
      name: "campotech_external_call_duration_seconds",
      help: "Latency of calls to ARCA and MercadoPago by service and operation",
      labelNames: ["service", "operation"] as const,
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
);

// Times one call and counts its result; the call's own value or error passes through untouched.
export async function measureExternalCall<T>(
  call: { service: ExternalService; operation: string; resultOf: (error: unknown) => string },
  fn: () => Promise<T>,
): Promise<T> {
  const started = performance.now();
  const labels = { service: call.service, operation: boundedLabel(call.operation) };
  try {
    const value = await fn();
    externalCallsTotal.inc({ ...labels, result: "ok" });
    return value;
  } catch (error) {
    externalCallsTotal.inc({ ...labels, result: boundedLabel(call.resultOf(error)) });
    throw error;
  } finally {
    externalCallSeconds.observe(labels, secondsSince(started));
  }
}
