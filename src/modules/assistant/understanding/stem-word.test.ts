import { describe, expect, it } from "vitest";
import { stemWord } from "./stem-word";

describe("stemWord", () => {
  it("brings inflections of the same word together", () => {
    expect(new Set(["destapar", "destaparlo", "destapacion"].map(stemWord))).toEqual(new Set(["destap"]));
    expect(stemWord("splits")).toBe(stemWord("split"));
    expect(stemWord("tapado")).toBe(stemWord("tapo"));
  });

  it("keeps short words whole", () => {
    expect(stemWord("luz")).toBe("luz");
    expect(stemWord("gas")).toBe("gas");
  });
});
