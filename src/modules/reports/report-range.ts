import { z } from "zod";
import { AR_TIME_ZONE } from "../../lib/clock-format";
import { addDays, zonedTimeToUtc } from "../../lib/time";

export const REPORT_MAX_DAYS = 366;
// Up to a month, a point per day reads well; longer ranges are grouped by week (weeks start on Monday).
const DAILY_UP_TO_DAYS = 31;

export type ReportGranularity = "day" | "week";
// from/to are Buenos Aires calendar days, both included; start/end the UTC instants that bound them ([start, end)).
export type ReportRange = { from: string; to: string; days: number; start: Date; end: Date; granularity: ReportGranularity; timeZone: string };

// "2026-02-30" parses (as March 2nd) and "1/11/2026" doesn't at all: a real day reads back unchanged.
const isRealDay = (ymd: string) => {
  const at = new Date(`${ymd}T12:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === ymd;
};
const dayCount = (from: string, to: string) => Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000) + 1;

const day = z
  .string({ error: "Falta la fecha." })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "Usá el formato AAAA-MM-DD (por ejemplo 2026-12-01).", abort: true })
  .refine(isRealDay, "Esa fecha no existe.");

export const reportRangeSchema = z.object({ from: day, to: day }).superRefine((range, ctx) => {
  if (!isRealDay(range.from) || !isRealDay(range.to)) return;
  if (range.to < range.from) {
    ctx.addIssue({ code: "custom", path: ["to"], message: "La fecha «hasta» tiene que ser igual o posterior a «desde»." });
  } else if (dayCount(range.from, range.to) > REPORT_MAX_DAYS) {
    ctx.addIssue({ code: "custom", path: ["to"], message: `El rango puede abarcar hasta ${REPORT_MAX_DAYS} días.` });
  }
});

export function toReportRange(input: { from: string; to: string }): ReportRange {
  const { from, to } = reportRangeSchema.parse(input);
  const days = dayCount(from, to);
  return {
    from, to, days, timeZone: AR_TIME_ZONE,
    start: zonedTimeToUtc(from, "00:00", AR_TIME_ZONE),
    end: zonedTimeToUtc(addDays(to, 1), "00:00", AR_TIME_ZONE),
    granularity: days <= DAILY_UP_TO_DAYS ? "day" : "week",
  };
}

// Prisma stores DateTime as UTC `timestamp(3)`; bounds go in the same way (see overview/median-first-response.ts).
export const sqlInstant = (at: Date) => at.toISOString();
