import { describe, expect, it } from "vitest";
import { quietHoursDecision } from "./quiet-hours-decision";

// Buenos Aires is UTC-03:00 all year: 21:00 BA = 00:00Z of the next day.
const ba = (iso: string) => new Date(`${iso}-03:00`);

describe("quietHoursDecision", () => {
  it("sends during the day with the default 21:00–08:00 window", () => {
    expect(quietHoursDecision({ now: ba("2026-11-24T10:30:00"), urgency: "NORMAL" })).toEqual({ action: "send" });
    expect(quietHoursDecision({ now: ba("2026-11-24T20:59:00"), urgency: "NORMAL" })).toEqual({ action: "send" });
    expect(quietHoursDecision({ now: ba("2026-11-24T08:00:00"), urgency: "NORMAL" })).toEqual({ action: "send" });
  });

  it("defers an evening notification to 08:00 the next day (midnight wrap)", () => {
    expect(quietHoursDecision({ now: ba("2026-11-24T22:15:00"), urgency: "NORMAL" })).toEqual({ action: "defer", until: ba("2026-11-25T08:00:00") });
    expect(quietHoursDecision({ now: ba("2026-11-24T21:00:00"), urgency: "HIGH" })).toEqual({ action: "defer", until: ba("2026-11-25T08:00:00") });
  });

  it("defers an after-midnight notification to 08:00 the same day, across month and year ends", () => {
    expect(quietHoursDecision({ now: ba("2026-11-25T03:00:00"), urgency: "NORMAL" })).toEqual({ action: "defer", until: ba("2026-11-25T08:00:00") });
    expect(quietHoursDecision({ now: ba("2026-12-31T23:30:00"), urgency: "NORMAL" })).toEqual({ action: "defer", until: ba("2027-01-01T08:00:00") });
  });

  it("lets emergencies through", () => {
    expect(quietHoursDecision({ now: ba("2026-11-24T23:00:00"), urgency: "EMERGENCY" })).toEqual({ action: "send" });
  });

  it("uses the organization's window and lets a user's own window override it", () => {
    const organizationQuiet = { start: "20:00", end: "09:00" };
    expect(quietHoursDecision({ now: ba("2026-11-24T20:30:00"), urgency: "NORMAL", organizationQuiet })).toEqual({ action: "defer", until: ba("2026-11-25T09:00:00") });
    expect(quietHoursDecision({ now: ba("2026-11-24T20:30:00"), urgency: "NORMAL", organizationQuiet, userQuiet: { start: "23:00", end: "06:00" } })).toEqual({ action: "send" });
    expect(quietHoursDecision({ now: ba("2026-11-25T05:00:00"), urgency: "NORMAL", organizationQuiet, userQuiet: { start: "23:00", end: "06:00" } })).toEqual({ action: "defer", until: ba("2026-11-25T06:00:00") });
  });

  it("handles a window that does not cross midnight and ignores an empty one", () => {
    const siesta = { start: "13:00", end: "16:00" };
    expect(quietHoursDecision({ now: ba("2026-11-24T14:00:00"), urgency: "NORMAL", organizationQuiet: siesta })).toEqual({ action: "defer", until: ba("2026-11-24T16:00:00") });
    expect(quietHoursDecision({ now: ba("2026-11-24T17:00:00"), urgency: "NORMAL", organizationQuiet: siesta })).toEqual({ action: "send" });
    expect(quietHoursDecision({ now: ba("2026-11-24T23:00:00"), urgency: "NORMAL", organizationQuiet: { start: "00:00", end: "00:00" } })).toEqual({ action: "send" });
  });
});
