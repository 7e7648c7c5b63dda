import { Counter } from "prom-client";
import { describe, expect, it } from "vitest";
import { boundedLabel, defineMetric, metricsRegistry } from "./registry";

describe("the metrics registry", () => {
  it("is one per process: a metric defined twice (a module evaluated twice by a bundler) is the same instance", async () => {
    const create = (registers: ReturnType<typeof metricsRegistry>[]) => new Counter({ name: "campotech_test_defined_twice_total", help: "test", registers });
    const first = defineMetric("campotech_test_defined_twice_total", create);
    const second = defineMetric("campotech_test_defined_twice_total", create);
    expect(second).toBe(first);
    second.inc();
    expect(await metricsRegistry().getSingleMetricAsString("campotech_test_defined_twice_total")).toMatch(/campotech_test_defined_twice_total 1$/);
    expect(metricsRegistry()).toBe(metricsRegistry());
    metricsRegistry().removeSingleMetric("campotech_test_defined_twice_total");
  });

  it("keeps label values a bounded set: codes pass, free text and ids do not", () => {
    expect(boundedLabel("131030")).toBe("131030");
    expect(boundedLabel("http_401")).toBe("http_401");
    expect(boundedLabel(undefined)).toBe("");
    expect(boundedLabel("Message failed: +5491155550123 is not on WhatsApp")).toBe("other");
    expect(boundedLabel("x".repeat(41))).toBe("other");
  });
});
