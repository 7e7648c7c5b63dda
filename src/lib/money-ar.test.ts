import { describe, expect, it } from "vitest";
import { formatMoneyInputAr, parseMoneyAr } from "./money-ar";

describe("parseMoneyAr", () => {
  it.each([
    ["12.500,50", 1_250_050],
    ["12500,50", 1_250_050],
    ["12.500,5", 1_250_050],
    ["$ 12.500,50", 1_250_050],
    [" 12 500,50 ".replace(" 500", "500"), 1_250_050],
    ["12.500", 1_250_000],
    ["1.234.567", 123_456_700],
    ["12500", 1_250_000],
    ["0,99", 99],
    ["0,05", 5],
    ["0", 0],
    ["1234.5", 123_450],
    ["12.50", 1_250],
    ["4.995,01", 499_501],
  ])("%s → %i centavos", (input, cents) => {
    expect(parseMoneyAr(input)).toBe(cents);
  });

  it.each(["", "  ", "$", "-100", "12,505", "1.23,4", "12.50.0", "12,500.50", "abc", "1e5", "12..5", ",50", "12,"])("rejects %j", (input) => {
    expect(parseMoneyAr(input)).toBeNull();
  });

  it("never goes through a float: 0,29 and 1.005,10 are exact", () => {
    expect(parseMoneyAr("0,29")).toBe(29);
    expect(parseMoneyAr("1.005,10")).toBe(100_510);
    expect(parseMoneyAr("90.071.992.547.409,91")).toBe(9_007_199_254_740_991);
    expect(parseMoneyAr("90.071.992.547.409,92")).toBeNull();
  });
});

describe("formatMoneyInputAr", () => {
  it("writes what parseMoneyAr reads back", () => {
    expect(formatMoneyInputAr(1_250_050)).toBe("12.500,50");
    expect(formatMoneyInputAr(1_250_000)).toBe("12.500");
    expect(formatMoneyInputAr(5)).toBe("0,05");
    expect(formatMoneyInputAr(0)).toBe("0");
    for (const cents of [0, 1, 99, 100, 123_456, 100_000_000, 9_007_199_254_740_991]) expect(parseMoneyAr(formatMoneyInputAr(cents))).toBe(cents);
  });

  it("refuses negative or fractional cents", () => {
    expect(() => formatMoneyInputAr(-1)).toThrow(/cents/);
    expect(() => formatMoneyInputAr(1.5)).toThrow(/cents/);
  });
});
