import Holidays from "date-holidays";

// National holidays (feriados) from date-holidays' AR calendar. "public" days are non-working; the yearly decreed
// bridge days come typed "bank"/"optional" and are opt-in per organization (reference/ARGENTINA.md §7.2).
const calendar = new Holidays("AR");
const cache = new Map<string, Map<string, string>>();

export function argentineHolidays(year: number, options: { includeBridgeDays?: boolean } = {}): Map<string, string> {
  const key = `${year}:${options.includeBridgeDays ? 1 : 0}`;
  let days = cache.get(key);
  if (!days) {
    days = new Map();
    for (const holiday of calendar.getHolidays(year)) {
      if (holiday.type === "public" || (options.includeBridgeDays && (holiday.type === "bank" || holiday.type === "optional"))) {
        days.set(holiday.date.slice(0, 10), holiday.name);
      }
    }
    cache.set(key, days);
  }
  return days;
}
