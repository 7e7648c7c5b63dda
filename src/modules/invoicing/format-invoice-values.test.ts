import { describe, expect, it } from "vitest";
import { formatArs } from "../messaging/format-ar";
import {
  formatDateYmdAr,
  formatMoneyAr,
  formatPointOfSale,
  formatQuantityAr,
  formatRateAr,
  formatVoucherNumber,
  formatVoucherTypeCode,
} from "./format-invoice-values";

describe("invoice formats (es-AR, from integers)", () => {
  it("formats centavos with dot thousands and comma decimals", () => {
    expect(formatMoneyAr(4_500_000)).toBe("$ 45.000");
    expect(formatMoneyAr(123_450)).toBe("$ 1.234,50");
    expect(formatMoneyAr(99)).toBe("$ 0,99");
    expect(formatMoneyAr(5)).toBe("$ 0,05");
    expect(formatMoneyAr(0)).toBe("$ 0");
    expect(formatMoneyAr(100_000)).toBe("$ 1.000");
    expect(formatMoneyAr(123_456_789_012)).toBe("$ 1.234.567.890,12");
    // Beyond the range where `cents / 100` stays exact enough for Intl, integers still print every digit.
    expect(formatMoneyAr(9_007_199_254_740_991)).toBe("$ 90.071.992.547.409,91");
  });

  it("prints the same as messaging's formatArs, so customers see one format everywhere", () => {
    for (const cents of [0, 1, 99, 100, 101, 1_000, 99_999, 123_450, 4_500_000, 1_452_050, 100_000_001, -150, -4_500_000]) {
      expect(formatMoneyAr(cents)).toBe(formatArs(cents));
    }
  });

  it("rejects non-integer centavos", () => {
    expect(() => formatMoneyAr(12.5)).toThrow(/cents/);
  });

  it("formats quantities with up to three decimals and a comma", () => {
    expect(formatQuantityAr(1_000)).toBe("1");
    expect(formatQuantityAr(1_500)).toBe("1,5");
    expect(formatQuantityAr(2_125)).toBe("2,125");
    expect(formatQuantityAr(250)).toBe("0,25");
    expect(formatQuantityAr(1)).toBe("0,001");
    expect(formatQuantityAr(1_234_000)).toBe("1.234");
  });

  it("formats IVA rates from basis points", () => {
    expect(formatRateAr(2_100)).toBe("21%");
    expect(formatRateAr(1_050)).toBe("10,5%");
    expect(formatRateAr(250)).toBe("2,5%");
    expect(formatRateAr(0)).toBe("0%");
  });

  it("turns YYYY-MM-DD into dd/mm/yyyy without going through Date", () => {
    expect(formatDateYmdAr("2026-11-30")).toBe("30/11/2026");
    expect(formatDateYmdAr("2026-01-05")).toBe("05/01/2026");
    expect(() => formatDateYmdAr("2026-1-5")).toThrow(/YYYY-MM-DD/);
  });

  it("pads point of sale, number and voucher type like RG 1415 prints them", () => {
    expect(formatPointOfSale(2)).toBe("00002");
    expect(formatVoucherNumber(15)).toBe("00000015");
    expect(formatVoucherTypeCode(6)).toBe("06");
    expect(formatVoucherTypeCode(11)).toBe("11");
  });
});
