import { describe, expect, it } from "vitest";
import { csvCell, csvRow } from "./csv";
import { dayRange } from "./export-filter";

describe("csvCell", () => {
  it("quotes per RFC 4180 only when needed and doubles inner quotes", () => {
    expect(csvCell("Gómez")).toBe("Gómez");
    expect(csvCell("Gómez, Martina")).toBe('"Gómez, Martina"');
    expect(csvCell('dijo "ya voy"')).toBe('"dijo ""ya voy"""');
    expect(csvCell("línea 1\nlínea 2")).toBe('"línea 1\nlínea 2"');
    expect(csvCell(null)).toBe("");
    expect(csvRow(["a", 1, null])).toBe("a,1,\r\n");
  });

  it("prefixes text a spreadsheet would run as a formula, quoting after prefixing", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) expect(csvCell(`${start}1+1`).startsWith(`'${start}`) || csvCell(`${start}1+1`).startsWith(`"'${start}`)).toBe(true);
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell(-1500)).toBe("-1500");
  });
});

describe("dayRange", () => {
  it("reads days as Buenos Aires days, with an inclusive end", () => {
    expect(dayRange("2026-12-01", "2026-12-01")).toEqual({ from: new Date("2026-12-01T03:00:00Z"), to: new Date("2026-12-02T03:00:00Z") });
    expect(() => dayRange("2026-13-45")).toThrow("AAAA-MM-DD");
    expect(() => dayRange("2026-12-02", "2026-12-01")).toThrow("anterior");
  });
});
