// The one place clock times are formatted for people (dashboard, customer pages, WhatsApp texts), always in Buenos
// Aires and on a 00–23 clock. Imports nothing, so client components use it too.
//
// Why `hourCycle: "h23"` and never `hour12: false`: with the es-AR locale, ICU maps `hour12: false` to the h24 cycle
// and prints half past midnight as "24:30".
export const AR_TIME_ZONE = "America/Argentina/Buenos_Aires";

const clock = new Intl.DateTimeFormat("es-AR", { timeZone: AR_TIME_ZONE, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
const dayMonthClock = new Intl.DateTimeFormat("es-AR", { timeZone: AR_TIME_ZONE, day: "2-digit", month: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
const dateClock = new Intl.DateTimeFormat("es-AR", { timeZone: AR_TIME_ZONE, day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

// Dates without a clock: the Buenos Aires calendar day, which is yesterday's in UTC until 03:00.
const weekdayDayMonth = new Intl.DateTimeFormat("es-AR", { timeZone: AR_TIME_ZONE, weekday: "long", day: "numeric", month: "long" });
const longDate = new Intl.DateTimeFormat("es-AR", { timeZone: AR_TIME_ZONE, day: "numeric", month: "long", year: "numeric" });

const asDate = (at: Date | string | number) => (at instanceof Date ? at : new Date(at));

// "00:30"
export const formatClockAr = (at: Date | string | number): string => clock.format(asDate(at));
// "2/12, 00:30" (ICU drops the day's leading zero in es-AR without a year)
export const formatDayMonthClockAr = (at: Date | string | number): string => dayMonthClock.format(asDate(at));
// "02/12/2026, 00:30"
export const formatDateClockAr = (at: Date | string | number): string => dateClock.format(asDate(at));
// "miércoles, 2 de diciembre" (the customer's tracking page: the day of the visit)
export const formatWeekdayDayMonthAr = (at: Date | string | number): string => weekdayDayMonth.format(asDate(at));
// "2 de diciembre de 2026" (the payment page: when a link expires or a payment was credited)
export const formatLongDateAr = (at: Date | string | number): string => longDate.format(asDate(at));
