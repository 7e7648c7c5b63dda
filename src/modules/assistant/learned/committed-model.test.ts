import { describe, expect, it } from "vitest";
import { INTENT_MODEL } from "./classify-with-model";
import { MODEL_CLASSES } from "./intent-model";
import { trainAndWrite } from "./train-and-write";
import { loadCorpus } from "./training-corpus";

describe("the committed intent model", () => {
  it("is exactly what the training script produces from the committed corpus", () => {
    const summary = trainAndWrite({ check: true });
    expect(summary.matchesCommitted).toBe(true);
    expect(INTENT_MODEL.training.corpusSha256).toBe(loadCorpus().sha256);
  }, 120_000);

  it("has the classes the code expects", () => {
    expect(INTENT_MODEL.classes).toEqual([...MODEL_CLASSES]);
    expect(INTENT_MODEL.bias).toHaveLength(MODEL_CLASSES.length);
  });

  it("never trains or calibrates on the test split, and the splits are stable and disjoint", () => {
    const { cases } = loadCorpus();
    const count = (s: string) => cases.filter((c) => c.split === s).length;
    expect(INTENT_MODEL.training.examples).toBe(count("train"));
    expect(count("test")).toBeGreaterThan(0.1 * cases.length);
    expect(count("validation")).toBeGreaterThan(0.1 * cases.length);
  });
});
