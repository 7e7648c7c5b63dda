import { AR_TIME_ZONE } from "../../lib/clock-format";
import { addDays, localDateOf, zonedTimeToUtc } from "../../lib/time";
import { AppError } from "../../lib/errors";
import { reportRangeSchema, toReportRange } from "../reports/report-range";

export const DEFAULT_PERIOD_DAYS = 30;
export const UPTIME_DAYS = 90;

// from/to are Buenos Aires calendar days, both included; [start, end) the UTC instants that bound them. Uptime is
// always measured over the 90 days ending with `to` ([uptimeStart, uptimeEnd)), and never past `now`: a minute that
// has not happened yet has no probe and would count as down.
export type StatsPeriod = { from: string; to: string; days: number; start: Date; end: Date; uptimeStart: Date; uptimeEnd: Date; now: Date };

// Without dates: the last 30 Buenos Aires days, today included. Bad dates are a VALIDATION_FAILED with the
// reports' Spanish reasons (same rules: real days, from ≤ to, at most 366 days).
export function resolveStatsPeriod(input: { from?: string; to?: string; now: Date }): StatsPeriod {
  const to = input.to ?? localDateOf(input.now, AR_TIME_ZONE);
  const from = input.from ?? (reportRangeSchema.shape.to.safeParse(to).success ? addDays(to, -(DEFAULT_PERIOD_DAYS - 1)) : to);
  const parsed = reportRangeSchema.safeParse({ from, to });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError("VALIDATION_FAILED", { message: issue.message, fields: { [String(issue.path[0] ?? "from")]: issue.message } });
  }
  const range = toReportRange(parsed.data);
  const uptimeStart = zonedTimeToUtc(addDays(to, -(UPTIME_DAYS - 1)), "00:00", AR_TIME_ZONE);
  const uptimeEnd = range.end < input.now ? range.end : input.now;
  return { from: range.from, to: range.to, days: range.days, start: range.start, end: range.end, uptimeStart, uptimeEnd, now: input.now };
}
