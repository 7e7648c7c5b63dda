import { describe, expect, it } from "vitest";
import { formatArs, formatDateAr, formatTimeAr } from "./format-ar";

describe("Argentine formats", () => {
  it("formats pesos with dot thousands and comma decimals", () => {
    expect(formatArs(4_500_000)).toBe("$ 45.000");
    expect(formatArs(123_450)).toBe("$ 1.234,50");
    expect(formatArs(99)).toBe("$ 0,99");
  });

  it("uses Buenos Aires time for dates and times", () => {
    // 01:30 UTC on Wednesday Nov 25 is still Tuesday Nov 24, 22:30 in Buenos Aires.
    const at = new Date("2026-11-25T01:30:00Z");
    expect(formatDateAr(at)).toBe("martes 24/11");
    expect(formatTimeAr(at)).toBe("22:30");
    // Half past midnight is 00:30 in a customer's message, not es-AR's "24:30".
    expect(formatTimeAr(new Date("2026-11-25T03:30:00Z"))).toBe("00:30");
  });
});
