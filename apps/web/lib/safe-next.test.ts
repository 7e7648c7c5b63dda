import { describe, expect, it } from "vitest";
import { safeNext } from "./safe-next";

describe("safeNext", () => {
  it("keeps paths of this site, normalized", () => {
    expect(safeNext("/panel/bandeja?c=1#m")).toBe("/panel/bandeja?c=1#m");
    expect(safeNext("/panel/../panel/trabajos")).toBe("/panel/trabajos");
  });

  it.each([
    "/\\evil.example",
    "/\\/evil.example",
    "//evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "https://evil.example/panel",
    "javascript:alert(1)",
    "panel",
    "",
  ])("sends %j to the panel instead", (next) => {
    expect(safeNext(next)).toBe("/panel");
  });

  it("falls back when there is nothing", () => {
    expect(safeNext(null)).toBe("/panel");
    expect(safeNext(undefined, "/panel/bandeja")).toBe("/panel/bandeja");
  });
});
