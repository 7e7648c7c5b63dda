import { describe, expect, it } from "vitest";
import { summarizeWorkingHours } from "./summarize-working-hours";

describe("summarizeWorkingHours", () => {
  it("joins consecutive days with the same hours, Monday first", () => {
    const week = { 1: [["08:00", "18:00"]], 2: [["08:00", "18:00"]], 3: [["08:00", "18:00"]], 4: [["08:00", "18:00"]], 5: [["08:00", "18:00"]], 6: [["09:00", "13:00"]] };
    expect(summarizeWorkingHours(week)).toBe("Lun a Vie 08:00–18:00 · Sáb 09:00–13:00");
  });

  it("keeps split shifts and gaps apart, Sunday last", () => {
    const hours = { 0: [["10:00", "12:00"]], 1: [["08:00", "13:00"], ["14:00", "18:00"]], 3: [["08:00", "13:00"], ["14:00", "18:00"]] };
    expect(summarizeWorkingHours(hours)).toBe("Lun 08:00–13:00, 14:00–18:00 · Mié 08:00–13:00, 14:00–18:00 · Dom 10:00–12:00");
  });

  it("answers null without hours", () => {
    expect(summarizeWorkingHours({})).toBeNull();
    expect(summarizeWorkingHours(null)).toBeNull();
  });
});
