// Test-only: reads one series of a metric from the process's registry (the same numbers a scrape renders).
import type { Metric } from "prom-client";

type Sample = { value: number; labels: Record<string, string | number>; metricName?: string };

// Sum of the samples whose labels include `labels`. For a histogram pass the series: "_count", "_sum".
export async function sampleOf(metric: Metric, labels: Record<string, string>, series: "" | "_count" | "_sum" = ""): Promise<number> {
  const { name, values } = (await metric.get()) as { name: string; values: Sample[] };
  return values
    .filter((v) => (v.metricName ?? name) === name + series)
    .filter((v) => Object.entries(labels).every(([key, value]) => String(v.labels[key]) === value))
    .reduce((sum, v) => sum + v.value, 0);
}
