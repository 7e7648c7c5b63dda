import { z } from "zod";
import { AppError } from "../../lib/errors";

// Days are Buenos Aires days (UTC−3 all year: Argentina has no daylight saving time since 2009). "hasta" is
// inclusive: to=2026-12-02 ends at the end of that day.
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const AR_OFFSET = "-03:00";

export type DateRange = { from?: Date; to?: Date };

export function dayRange(from?: string, to?: string): DateRange {
  const parse = (day: string, field: string) => {
    const at = new Date(`${day}T00:00:00${AR_OFFSET}`);
    if (!DAY.test(day) || Number.isNaN(at.getTime())) {
      throw new AppError("VALIDATION_FAILED", { message: "La fecha tiene que ser AAAA-MM-DD.", fields: { [field]: "La fecha tiene que ser AAAA-MM-DD." } });
    }
    return at;
  };
  const range: DateRange = {};
  if (from) range.from = parse(from, "from");
  if (to) range.to = new Date(parse(to, "to").getTime() + 24 * 60 * 60 * 1000);
  if (range.from && range.to && range.from >= range.to) {
    throw new AppError("VALIDATION_FAILED", { message: "La fecha «desde» tiene que ser anterior o igual a «hasta».", fields: { from: "La fecha «desde» tiene que ser anterior o igual a «hasta»." } });
  }
  return range;
}

export const dayParam = z.string().regex(DAY, "La fecha tiene que ser AAAA-MM-DD.").optional();
