import { describe, expect, it } from "vitest";
import { reportRangeSchema, toReportRange } from "./report-range";

const messages = (input: unknown) => {
  const result = reportRangeSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("report ranges", () => {
  it("turns Buenos Aires days into UTC bounds (midnight there is 03:00Z) and picks days up to a month, weeks beyond", () => {
    expect(toReportRange({ from: "2026-11-01", to: "2026-11-30" })).toMatchObject({
      days: 30, granularity: "day", start: new Date("2026-11-01T03:00:00Z"), end: new Date("2026-12-01T03:00:00Z"),
    });
    expect(toReportRange({ from: "2026-12-01", to: "2026-12-31" })).toMatchObject({ days: 31, granularity: "day" });
    expect(toReportRange({ from: "2026-12-01", to: "2027-01-01" })).toMatchObject({ days: 32, granularity: "week" });
    expect(toReportRange({ from: "2026-01-01", to: "2027-01-01" }).days).toBe(366);
  });

  it("refuses bad ranges with a Spanish reason", () => {
    expect(messages({ from: "2026-11-30", to: "2026-11-01" })).toEqual(["to: La fecha «hasta» tiene que ser igual o posterior a «desde»."]);
    expect(messages({ from: "2026-01-01", to: "2027-01-02" })).toEqual(["to: El rango puede abarcar hasta 366 días."]);
    expect(messages({ from: "2026-02-30", to: "2026-03-01" })).toEqual(["from: Esa fecha no existe."]);
    expect(messages({ from: "1/11/2026", to: "2026-11-30" })).toEqual(["from: Usá el formato AAAA-MM-DD (por ejemplo 2026-12-01)."]);
    expect(messages({ to: "2026-11-30" })).toEqual(["from: Falta la fecha."]);
  });
});
