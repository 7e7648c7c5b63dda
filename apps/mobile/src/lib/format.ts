// Dates and money as the technician reads them: Buenos Aires time, 24 h clock, es-AR numbers.
const TIME_ZONE = "America/Argentina/Buenos_Aires";

const timeFormat = new Intl.DateTimeFormat("es-AR", { timeZone: TIME_ZONE, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
const dayFormat = new Intl.DateTimeFormat("es-AR", { timeZone: TIME_ZONE, weekday: "short", day: "numeric", month: "short" });
const dateKeyFormat = new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });
const money = new Intl.NumberFormat("es-AR", { style: "currency", currency: "ARS" });

export const formatTime = (iso: string) => timeFormat.format(new Date(iso));
export const formatDay = (iso: string) => dayFormat.format(new Date(iso));
// "2026-12-15": the Buenos Aires calendar day of an instant.
export const dayKey = (date: Date | string) => dateKeyFormat.format(typeof date === "string" ? new Date(date) : date);
export const formatMoney = (cents: number) => money.format(cents / 100);

export function formatWindow(start: string | null, end: string | null): string {
  if (!start) return "Sin horario";
  return end ? `${formatTime(start)}–${formatTime(end)}` : formatTime(start);
}

export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (!h) return `${m} min`;
  return m ? `${h} h ${m} min` : `${h} h`;
}

export function formatQuantity(quantityMilli: number): string {
  return (quantityMilli / 1000).toLocaleString("es-AR", { maximumFractionDigits: 3 });
}
