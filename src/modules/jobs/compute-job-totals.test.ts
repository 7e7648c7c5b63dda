import { describe, expect, it } from "vitest";
import { computeJobTotals } from "./compute-job-totals";

describe("job totals with IVA", () => {
  it("computes net, IVA per rate and total exactly to the centavo", () => {
    const totals = computeJobTotals([
      { quantityMilli: 1000, unitPriceCents: 4_500_000, ivaRateBps: 2100 }, // split $45.000 + 21 %
      { quantityMilli: 1500, unitPriceCents: 333_333, ivaRateBps: 2100 }, // 1,5 m × $3.333,33
      { quantityMilli: 2000, unitPriceCents: 1_234, ivaRateBps: 1050 },
      { quantityMilli: 1000, unitPriceCents: 10_000, ivaRateBps: 0 },
    ]);
    expect(totals.lines.map((l) => l.netCents)).toEqual([4_500_000, 500_000, 2_468, 10_000]); // 499.999,5 → 500.000
    expect(totals.byRate).toEqual([
      { ivaRateBps: 2100, baseCents: 5_000_000, ivaCents: 1_050_000 },
      { ivaRateBps: 1050, baseCents: 2_468, ivaCents: 259 }, // 259,14
      { ivaRateBps: 0, baseCents: 10_000, ivaCents: 0 },
    ]);
    expect(totals).toMatchObject({ netCents: 5_012_468, ivaCents: 1_050_259, totalCents: 6_062_727 });
  });

  it("rounds IVA on each rate's base, not line by line", () => {
    // Three lines of $0,05 at 21 %: per line 1,05 → 1 c each (3 c); on the base of 15 c, 3,15 → 3 c.
    const totals = computeJobTotals([1, 2, 3].map(() => ({ quantityMilli: 1000, unitPriceCents: 5, ivaRateBps: 2100 })));
    expect(totals.byRate).toEqual([{ ivaRateBps: 2100, baseCents: 15, ivaCents: 3 }]);
    // 27 % on $100,50 → 27,135 → 27,14
    expect(computeJobTotals([{ quantityMilli: 1000, unitPriceCents: 10_050, ivaRateBps: 2700 }]).ivaCents).toBe(2_714);
  });

  it("refuses fractional centavos, zero quantities and unknown rates", () => {
    expect(() => computeJobTotals([{ quantityMilli: 0, unitPriceCents: 100, ivaRateBps: 2100 }])).toThrow(/cantidad/);
    expect(() => computeJobTotals([{ quantityMilli: 1000, unitPriceCents: 10.5, ivaRateBps: 2100 }])).toThrow(/centavos/);
    expect(() => computeJobTotals([{ quantityMilli: 1000, unitPriceCents: 100, ivaRateBps: 1900 }])).toThrow(/Alícuota/);
  });
});
