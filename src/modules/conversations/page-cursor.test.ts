import { describe, expect, it } from "vitest";
import { AppError } from "../../lib/errors";
import { decodeCursor, encodeCursor } from "./page-cursor";

describe("page cursors", () => {
  it("round-trips and is URL-safe", () => {
    const cursor = encodeCursor({ at: "2026-11-20T12:00:00.123", id: "c/+=1" });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, ["at", "id"] as const)).toEqual({ at: "2026-11-20T12:00:00.123", id: "c/+=1" });
  });

  it("rejects garbage and missing keys as VALIDATION_FAILED", () => {
    for (const bad of ["%%%", "bm90IGpzb24", encodeCursor({ id: "x" })]) {
      expect(() => decodeCursor(bad, ["at", "id"] as const)).toThrow(AppError);
    }
  });
});
