// Quiet hours: non-urgent notifications wait until the window ends; emergencies go through.
// Buenos Aires has had no DST since 2009, so the window is computed at a fixed UTC-03:00 — no ambiguous or
// skipped local times to handle (reference/ARGENTINA.md §7.1).
export type QuietHours = { start: string; end: string };
export type Urgency = "EMERGENCY" | "HIGH" | "NORMAL";
export type QuietHoursDecision = { action: "send" } | { action: "defer"; until: Date };

export const DEFAULT_QUIET_HOURS: QuietHours = { start: "21:00", end: "08:00" };
const BA_OFFSET_MS = -3 * 3600_000;
const DAY_MS = 24 * 3600_000;

function minutesOf(hhmm: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!match) throw new Error(`invalid time "${hhmm}" (expected HH:MM)`);
  return Number(match[1]) * 60 + Number(match[2]);
}

// A user's own window wins over the organization's (a technician who starts at 6 may want messages earlier).
export function quietHoursDecision(input: {
  now: Date;
  urgency: Urgency;
  organizationQuiet?: QuietHours | null;
  userQuiet?: QuietHours | null;
}): QuietHoursDecision {
  if (input.urgency === "EMERGENCY") return { action: "send" };
  const quiet = input.userQuiet ?? input.organizationQuiet ?? DEFAULT_QUIET_HOURS;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return { action: "send" };

  const localMs = input.now.getTime() + BA_OFFSET_MS;
  const dayStartLocal = Math.floor(localMs / DAY_MS) * DAY_MS;
  const minute = (localMs - dayStartLocal) / 60_000;
  const wraps = start > end; // e.g. 21:00–08:00 crosses midnight
  const inside = wraps ? minute >= start || minute < end : minute >= start && minute < end;
  if (!inside) return { action: "send" };

  // The end falls today (after midnight, or a same-day window) or tomorrow (evening part of a wrapping window).
  const endDayLocal = wraps && minute >= start ? dayStartLocal + DAY_MS : dayStartLocal;
  return { action: "defer", until: new Date(endDayLocal + end * 60_000 - BA_OFFSET_MS) };
}
