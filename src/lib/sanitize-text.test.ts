import { describe, expect, it } from "vitest";
import { safeText, sanitizeDeep, sanitizeText, sanitizeTimestamp } from "./sanitize-text";

describe("sanitizeText", () => {
  it("strips NUL and replaces lone surrogates, keeping surrogate pairs", () => {
    expect(sanitizeText("Ho\u0000la")).toBe("Hola");
    expect(sanitizeText("a\ud800b\udc00c")).toBe("a\ufffdb\ufffdc");
    expect(sanitizeText("😊 ok \ud83d")).toBe("😊 ok \ufffd");
    expect(sanitizeText("\udc00\ud800")).toBe("\ufffd\ufffd");
  });

  it("truncates to the limit without splitting a pair", () => {
    expect(sanitizeText("abcdef", 3)).toBe("abc");
    expect(sanitizeText("ab😊", 3)).toBe("ab");
    expect(sanitizeText("ab", 3)).toBe("ab");
  });

  it("sanitises every string (keys too) of a JSON-like value, leaving other values and Dates alone", () => {
    const at = new Date("2026-11-20T12:00:00Z");
    expect(sanitizeDeep({ "k\u0000": ["x\u0000", 1, null, { y: "\ud800" }], at })).toEqual({ k: ["x", 1, null, { y: "\ufffd" }], at });
  });
});

describe("sanitizeTimestamp", () => {
  const received = new Date("2026-11-20T12:00:00Z");
  it.each([
    ["missing", undefined],
    ["unparseable", new Date(NaN)],
    ["before 2010", new Date("2009-12-31T23:59:59Z")],
    ["more than a day ahead", new Date(received.getTime() + 24 * 3600 * 1000 + 1)],
  ])("%s → receive time", (_, value) => {
    expect(sanitizeTimestamp(value, received)).toEqual(received);
  });
  it("keeps a believable time", () => {
    const ok = new Date("2026-11-20T11:59:00Z");
    expect(sanitizeTimestamp(ok, received)).toBe(ok);
    const ahead = new Date(received.getTime() + 3600_000);
    expect(sanitizeTimestamp(ahead, received)).toBe(ahead);
  });
});

describe("safeText", () => {
  it("sanitises, trims and then applies the limits", () => {
    expect(safeText().min(1).max(5).parse("  ho\u0000la  ")).toBe("hola");
    expect(safeText().min(1).safeParse(" \u0000 ").success).toBe(false);
    expect(safeText().max(3).safeParse("abcd").success).toBe(false);
  });
});
