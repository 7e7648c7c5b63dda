import { describe, expect, it } from "vitest";
import { formatCuit, normalizeCuit } from "./cuit";

// reference/ARGENTINA.md §4.
describe("normalizeCuit", () => {
  it.each(["20-26756539-3", "30-00000000-7", "33-69345023-9", "20-11111111-2", "30-71234567-1", "30712345671"])(
    "accepts %s",
    (cuit) => expect(normalizeCuit(cuit)).toBe(cuit.replace(/-/g, "")),
  );

  it.each(["20-26756539-2", "30-00000000-8", "20-11111111-3", "20-1111111-11", "20-10000005-9", "99-26756539-3", "abc"])(
    "rejects %s",
    (cuit) => expect(normalizeCuit(cuit)).toBeNull(),
  );

  it("formats with dashes", () => {
    expect(formatCuit("30712345671")).toBe("30-71234567-1");
  });
});
