// Labels and Argentine formats for the jobs and customers pages. Safe in client components (no env, no server
// imports). Argentina has had no DST since 2009, so Buenos Aires is UTC-03:00 all year: a calendar date there
// starts at `${date}T00:00:00-03:00`.
import { formatClockAr, formatDateClockAr } from "@campotech/core/lib/clock-format";

export const TZ = "America/Argentina/Buenos_Aires";
const BA_OFFSET = "-03:00";

export const JOB_STATUS_LABEL: Record<string, string> = {
  pending: "Pendiente",
  scheduled: "Agendado",
  en_camino: "En camino",
  working: "En curso",
  completed: "Terminado",
  cancelled: "Cancelado",
};
export const SERVICE_LABEL: Record<string, string> = {
  PLUMBING: "Plomería",
  GAS: "Gas",
  ELECTRICAL: "Electricidad",
  HVAC: "Aire acondicionado",
  DRAINAGE: "Destapaciones",
  GENERAL: "Servicio general",
};
export const URGENCY_LABEL: Record<string, string> = { EMERGENCY: "Urgencia", HIGH: "Alta", NORMAL: "Normal" };
export const SERVICE_TYPES = ["PLUMBING", "GAS", "ELECTRICAL", "HVAC", "DRAINAGE", "GENERAL"] as const;
export const URGENCIES = ["NORMAL", "HIGH", "EMERGENCY"] as const;
export const IVA_RATE_LABEL: Record<number, string> = { 2100: "21 %", 1050: "10,5 %", 2700: "27 %", 0: "Exento" };

const money = new Intl.NumberFormat("es-AR", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
// "$ 45.000,00": always with cents, as on an invoice.
export const formatPesos = (cents: number) => `$ ${money.format(cents / 100)}`;

const timeFmt = { format: formatClockAr };
const dayPartsFmt = new Intl.DateTimeFormat("es-AR", { timeZone: TZ, weekday: "short", day: "2-digit", month: "2-digit" });
const longDayFmt = new Intl.DateTimeFormat("es-AR", { timeZone: TZ, weekday: "long", day: "numeric", month: "long" });
const dateTimeFmt = { format: formatDateClockAr };
const isoDayFmt = new Intl.DateTimeFormat("en-CA", { timeZone: TZ, year: "numeric", month: "2-digit", day: "2-digit" });

const asDate = (d: Date | string) => (typeof d === "string" ? new Date(d) : d);
export const formatTime = (d: Date | string) => timeFmt.format(asDate(d));
// "mar 24/11" (ICU's es-AR joins day and month with a dash; people here write a slash).
export function formatDay(d: Date | string): string {
  const parts = Object.fromEntries(dayPartsFmt.formatToParts(asDate(d)).map((p) => [p.type, p.value]));
  return `${(parts.weekday ?? "").replace(".", "")} ${parts.day}/${parts.month}`;
}
export const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
export const formatLongDay = (d: Date | string) => longDayFmt.format(asDate(d));
export const formatDateTime = (d: Date | string) => dateTimeFmt.format(asDate(d));

// "mar 24/11, 10:00–11:00" or "Sin agendar".
export function formatWindow(start: Date | string | null, end: Date | string | null): string {
  if (!start) return "Sin agendar";
  return `${formatDay(start)}, ${formatTime(start)}${end ? `–${formatTime(end)}` : ""}`;
}

// Calendar dates ("YYYY-MM-DD") in Buenos Aires.
export const baDateOf = (d: Date | string) => isoDayFmt.format(asDate(d));
export const baDayStart = (date: string) => new Date(`${date}T00:00:00${BA_OFFSET}`);
export const isIsoDate = (value: unknown): value is string => typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));
export function addDaysIso(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
// Monday of the week that holds the date.
export function mondayOf(date: string): string {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  return addDaysIso(date, -((weekday + 6) % 7));
}
// <input type="datetime-local"> values in Buenos Aires time, both ways.
export const toBaLocalInput = (d: Date | string | null) => (d ? `${baDateOf(d)}T${formatTime(d)}` : "");
export const fromBaLocalInput = (value: string) => (value ? new Date(`${value}:00${BA_OFFSET}`).toISOString() : null);

// Numbers as people type them here: "1,5", "45.000,50", "45000" or "1.5".
export function parseArNumber(input: string): number | null {
  const text = input.trim().replace(/\s|\$/g, "");
  if (!text) return null;
  const normalized = text.includes(",") ? text.replace(/\./g, "").replace(",", ".") : /^\d{1,3}(\.\d{3})+$/.test(text) ? text.replace(/\./g, "") : text;
  const value = Number(normalized);
  return Number.isFinite(value) ? value : null;
}
// "38.000" or "1,5": what parseArNumber reads back.
export const formatArNumber = (value: number, decimals = 3) => new Intl.NumberFormat("es-AR", { maximumFractionDigits: decimals }).format(value);
