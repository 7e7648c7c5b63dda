// Argentine formats for what customers read: "$ 45.000", "$ 1.234,50", "martes 24/11", "10:30" — always in
// Buenos Aires time, whatever the server's time zone.
import { formatClockAr } from "../../lib/clock-format";

const TIME_ZONE = "America/Argentina/Buenos_Aires";

export function formatArs(cents: number): string {
  const hasCents = cents % 100 !== 0;
  const amount = new Intl.NumberFormat("es-AR", {
    minimumFractionDigits: hasCents ? 2 : 0,
    maximumFractionDigits: 2,
  }).format(cents / 100);
  return `$ ${amount}`;
}

export function formatDateAr(at: Date): string {
  const weekday = new Intl.DateTimeFormat("es-AR", { timeZone: TIME_ZONE, weekday: "long" }).format(at);
  const date = new Intl.DateTimeFormat("es-AR", { timeZone: TIME_ZONE, day: "2-digit", month: "2-digit" }).format(at);
  return `${weekday} ${date}`;
}

export function formatTimeAr(at: Date): string {
  return formatClockAr(at);
}
