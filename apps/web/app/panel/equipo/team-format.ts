import { formatClockAr, formatDayMonthClockAr } from "@campotech/core/lib/clock-format";

// Words of the team page, safe in client components.
export const ROLE_LABEL: Record<string, string> = {
  OWNER: "Dueño",
  ADMIN: "Administrador",
  DISPATCHER: "Despachante",
  TECHNICIAN: "Técnico",
  VIEWER: "Observador",
};

// What each invitable / assignable role may do, in one line for the role select's help text.
export const ROLE_HELP: Record<string, string> = {
  ADMIN: "maneja todo menos el plan; responde en la bandeja",
  DISPATCHER: "responde en la bandeja, agenda y cobra",
  TECHNICIAN: "usa la app del celular para sus trabajos",
  VIEWER: "solo mira",
};

// "Nunca", "recién", "hace 12 min", "hoy 14:05" or "2/12, 09:30" (Buenos Aires clock, src/lib/clock-format.ts).
export function lastActiveLabel(iso: string | null, now = Date.now()): string {
  if (!iso) return "Nunca";
  const minutes = Math.floor((now - new Date(iso).getTime()) / 60_000);
  if (minutes < 1) return "recién";
  if (minutes < 60) return `hace ${minutes} min`;
  if (minutes < 12 * 60 && formatDayMonthClockAr(iso).slice(0, 5) === formatDayMonthClockAr(now).slice(0, 5)) return `hoy ${formatClockAr(iso)}`;
  return formatDayMonthClockAr(iso);
}

// The flagged-jobs notice after deactivating someone.
export function reassignSentence(count: number): string {
  if (count === 0) return "No tenía trabajos por delante.";
  return count === 1 ? "1 trabajo quedó para reasignar." : `${count} trabajos quedaron para reasignar.`;
}

