import { describe, expect, it } from "vitest";
import { formatBucket, formatDuration, formatShare, rangePresets } from "./report-format";

describe("report formats", () => {
  it("writes durations, shares and buckets as people read them", () => {
    expect([formatDuration(null), formatDuration(45), formatDuration(600), formatDuration(3900), formatDuration(7199)]).toEqual(["sin datos", "45 s", "10 min", "1 h 05 min", "2 h 00 min"]);
    expect([formatShare(null), formatShare(5000), formatShare(3333), formatShare(10_000)]).toEqual(["—", "50 %", "33,3 %", "100 %"]);
    expect([formatBucket("2026-11-05", "day"), formatBucket("2026-11-02", "week")]).toEqual(["05/11", "sem. 02/11"]);
  });

  it("computes presets on the Buenos Aires calendar: 00:30 on January 1st there is still December 31st in UTC-3", () => {
    expect(rangePresets(new Date("2027-01-01T02:30:00Z"))).toEqual([
      { key: "este-mes", label: "Este mes", from: "2026-12-01", to: "2026-12-31" },
      { key: "mes-pasado", label: "Mes pasado", from: "2026-11-01", to: "2026-11-30" },
      { key: "7-dias", label: "Últimos 7 días", from: "2026-12-25", to: "2026-12-31" },
      { key: "30-dias", label: "Últimos 30 días", from: "2026-12-02", to: "2026-12-31" },
    ]);
    expect(rangePresets(new Date("2027-03-15T15:00:00Z")).slice(0, 2)).toEqual([
      { key: "este-mes", label: "Este mes", from: "2027-03-01", to: "2027-03-31" },
      { key: "mes-pasado", label: "Mes pasado", from: "2027-02-01", to: "2027-02-28" },
    ]);
  });
});
