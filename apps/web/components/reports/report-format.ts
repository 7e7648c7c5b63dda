// Formats and date presets for the reports page. Safe in client components (no server imports).
import { addDaysIso, baDateOf } from "../../lib/panel/jobs/jobs-format";

export const JOB_STATUS_ORDER = ["pending", "scheduled", "en_camino", "working", "completed", "cancelled"] as const;

// 45 → "45 s"; 600 → "10 min"; 3900 → "1 h 05 min"; null → "sin datos".
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return "sin datos";
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  const minutes = Math.round(seconds / 60);
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")} min`;
}

// 5000 → "50 %"; 3333 → "33,3 %"; null → "—".
export const formatShare = (bps: number | null) => (bps === null ? "—" : `${new Intl.NumberFormat("es-AR", { maximumFractionDigits: 1 }).format(bps / 100)} %`);

// "2026-11-05" → "05/11"; a week bucket reads "sem. 02/11" (its Monday).
export function formatBucket(bucket: string, granularity: "day" | "week"): string {
  const [, month, day] = bucket.split("-");
  return `${granularity === "week" ? "sem. " : ""}${day}/${month}`;
}

// "2026-11-05" → "05/11/2026".
export function formatIsoDay(day: string): string {
  const [year, month, dayOfMonth] = day.split("-");
  return `${dayOfMonth}/${month}/${year}`;
}

export type RangePreset = { key: string; label: string; from: string; to: string };

const lastDayOfMonth = (firstDay: string) => addDaysIso(`${addMonth(firstDay)}`, -1);
function addMonth(firstDay: string): string {
  const [year, month] = firstDay.split("-").map(Number) as [number, number];
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, "0")}-01`;
}

// The office's usual ranges, in Buenos Aires days, both ends included.
export function rangePresets(now: Date): RangePreset[] {
  const today = baDateOf(now);
  const monthStart = `${today.slice(0, 8)}01`;
  const lastMonthStart = `${addDaysIso(monthStart, -1).slice(0, 8)}01`;
  return [
    { key: "este-mes", label: "Este mes", from: monthStart, to: lastDayOfMonth(monthStart) },
    { key: "mes-pasado", label: "Mes pasado", from: lastMonthStart, to: addDaysIso(monthStart, -1) },
    { key: "7-dias", label: "Últimos 7 días", from: addDaysIso(today, -6), to: today },
    { key: "30-dias", label: "Últimos 30 días", from: addDaysIso(today, -29), to: today },
  ];
}
