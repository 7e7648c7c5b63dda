export { collectPanicModes } from "./collect-panic-modes";
export { collectQueueDepth } from "./collect-queue-depth";
export { serveMetrics } from "./serve-metrics";
export type { MetricsResponse } from "./serve-metrics";
