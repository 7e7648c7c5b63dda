import { collectDefaultMetrics, Registry, type Metric } from "prom-client";

// One registry per process, kept on globalThis: Next may evaluate a module once per route bundle, and two
// registries in one process would split the counters (and a second registration of a name would throw).
const REGISTRY = Symbol.for("campotech.metrics.registry");
type Holder = { [REGISTRY]?: Registry };

export function metricsRegistry(): Registry {
  const holder = globalThis as Holder;
  if (!holder[REGISTRY]) {
    const registry = new Registry();
    // process_* and nodejs_* (CPU, memory, event-loop lag, GC, handles).
    collectDefaultMetrics({ register: registry });
    holder[REGISTRY] = registry;
  }
  return holder[REGISTRY];
}

// A metric is created once per process: a second evaluation of its module gets the registered instance back.
export function defineMetric<T extends Metric>(name: string, create: (registers: Registry[]) => T): T {
  const registry = metricsRegistry();
  return (registry.getSingleMetric(name) as T | undefined) ?? create([registry]);
}

// Label values that come from outside (provider error codes, job names) stay a bounded set: anything that does not
// look like a code becomes "other", so a provider inventing ids cannot create unbounded series.
export function boundedLabel(value: string | number | undefined | null): string {
  const text = value === undefined || value === null ? "" : String(value);
  return /^[A-Za-z0-9_.:-]{0,40}$/.test(text) ? text : "other";
}

// Seconds since `started` (a performance.now() reading): the unit Prometheus histograms use.
export function secondsSince(started: number): number {
  return (performance.now() - started) / 1000;
}
