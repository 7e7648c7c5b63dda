import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { METRIC_FAMILIES } from "./catalog";
import { metricsRegistry } from "./registry";

// docs/grafana/campotech-dashboard.json must not drift from the code: every metric a panel queries exists in the
// registry, and every CampoTech family has a panel.
type Panel = { id: number; type: string; title: string; datasource?: { uid: string }; targets?: { expr: string; datasource?: { uid: string } }[]; panels?: Panel[] };
const dashboard = JSON.parse(readFileSync(join(import.meta.dirname, "../../../docs/grafana/campotech-dashboard.json"), "utf8")) as {
  schemaVersion: number;
  uid: string;
  panels: Panel[];
  templating: { list: { type: string; name: string; query: string }[] };
};
const panels = dashboard.panels.flatMap((p) => [p, ...(p.panels ?? [])]);
const queries = panels.flatMap((p) => p.targets ?? []);
const PROMQL_WORDS = new Set(["sum", "max", "min", "avg", "by", "rate", "increase", "histogram_quantile", "le", "without"]);

function metricNamesIn(expr: string): string[] {
  const withoutStrings = expr.replace(/"[^"]*"/g, '""').replace(/\[[^\]]*\]/g, "");
  const names = [...withoutStrings.matchAll(/\b([a-z_][a-z0-9_]*)\b(?=\s*[{[)]|\s*$)/g)].map((m) => m[1]!);
  return names.filter((name) => !PROMQL_WORDS.has(name) && /^(campotech|process|nodejs)_/.test(name));
}

// A histogram's series are <name>_bucket, _sum and _count; a counter's sample name is the registered name.
function registered(series: string): boolean {
  const registry = metricsRegistry();
  if (registry.getSingleMetric(series)) return true;
  const base = series.replace(/_(bucket|sum|count)$/, "");
  return base !== series && (registry.getSingleMetric(base) as { constructor: { name: string } } | undefined)?.constructor.name === "Histogram";
}

describe("the Grafana dashboard", () => {
  it("is a Grafana 10+ dashboard whose panels all use the datasource variable", () => {
    expect(dashboard.schemaVersion).toBeGreaterThanOrEqual(38);
    expect(dashboard.templating.list).toContainEqual(expect.objectContaining({ type: "datasource", name: "datasource", query: "prometheus" }));
    expect(new Set(panels.map((p) => p.id)).size).toBe(panels.length);
    for (const panel of panels.filter((p) => p.type !== "row")) {
      expect(panel.datasource?.uid, panel.title).toBe("${datasource}");
      expect(panel.targets?.length, panel.title).toBeGreaterThan(0);
      for (const target of panel.targets ?? []) expect(target.datasource?.uid, panel.title).toBe("${datasource}");
    }
  });

  it("queries only metrics that exist in the registry", () => {
    for (const query of queries) expect(metricNamesIn(query.expr), query.expr).not.toEqual([]);
    const used = queries.flatMap((q) => metricNamesIn(q.expr));
    expect(used.filter((name) => !registered(name))).toEqual([]);
  });

  it("has a panel for every CampoTech metric family", () => {
    const used = new Set(queries.flatMap((q) => metricNamesIn(q.expr)).map((name) => name.replace(/_(bucket|sum|count)$/, "")));
    const families = METRIC_FAMILIES.map((metric) => (metric as unknown as { name: string }).name);
    expect(families.filter((name) => !used.has(name))).toEqual([]);
  });

  it("would notice a renamed metric", () => {
    expect(metricNamesIn('sum by (le) (rate(campotech_webhook_ack_seconds_bucket{x="y"}[5m]))')).toEqual(["campotech_webhook_ack_seconds_bucket"]);
    expect(registered("campotech_webhook_ack_seconds_bucket")).toBe(false);
    expect(registered("campotech_outbound_sends_total_count")).toBe(false);
  });
});
