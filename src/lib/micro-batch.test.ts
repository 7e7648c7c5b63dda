import { describe, expect, it } from "vitest";
import { microBatch } from "./micro-batch";

describe("microBatch", () => {
  it("runs the calls of one event-loop turn as one batch, each caller getting its own result", async () => {
    const batches: number[][] = [];
    const double = microBatch(async (items: number[]) => {
      batches.push(items);
      return items.map((n) => n * 2);
    }, { maxSize: 10 });
    const results = await Promise.all([1, 2, 3].map(double));
    expect(results).toEqual([2, 4, 6]);
    expect(batches).toEqual([[1, 2, 3]]);
    // A later call is a batch of its own.
    expect(await double(5)).toBe(10);
    expect(batches).toEqual([[1, 2, 3], [5]]);
  });

  it("splits a turn's calls into batches of at most maxSize", async () => {
    const sizes: number[] = [];
    const echo = microBatch(async (items: number[]) => {
      sizes.push(items.length);
      return items;
    }, { maxSize: 4 });
    expect(await Promise.all(Array.from({ length: 10 }, (_, i) => echo(i)))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(sizes).toEqual([4, 4, 2]);
  });

  it("rejects every caller of a failed batch, and the next batch runs normally", async () => {
    let fail = true;
    const run = microBatch(async (items: string[]) => {
      if (fail) throw new Error("down");
      return items.map((s) => s.toUpperCase());
    }, { maxSize: 8 });
    const failed = await Promise.allSettled(["a", "b"].map(run));
    expect(failed.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    fail = false;
    expect(await Promise.all(["c", "d"].map(run))).toEqual(["C", "D"]);
  });
});
