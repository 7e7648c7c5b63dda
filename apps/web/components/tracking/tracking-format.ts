import { formatClockAr } from "@campotech/core/lib/clock-format";
import type { TechnicianMapState, TrackingEta } from "@campotech/core/contracts/tracking";

// Words and colors shared by the customer's tracking page and the dispatch map. Safe in client components. Times and
// dates come from src/lib/clock-format.ts, the one formatting module for the whole web.

// What the customer reads: "Llega en ~7 min", or "Está llegando" inside the arrival radius.
export function etaSentence(eta: TrackingEta): string {
  return eta.arriving ? "Está llegando" : `Llega en ~${Math.max(1, eta.minutes)} min`;
}
// The office's shorter form: "~7 min" / "llegando".
export const etaShort = (eta: TrackingEta) => (eta.arriving ? "llegando" : `~${Math.max(1, eta.minutes)} min`);

const kmFmt = new Intl.NumberFormat("es-AR", { maximumFractionDigits: 1, minimumFractionDigits: 1 });
// "350 m" below a kilometre, "2,4 km" above.
export const formatDistance = (meters: number) => (meters < 1000 ? `${Math.round(meters / 10) * 10} m` : `${kmFmt.format(meters / 1000)} km`);

// "hace 3 min" / "recién" for the last position; older than an hour shows the time.
export function ago(iso: string, now = Date.now()): string {
  const minutes = Math.floor((now - new Date(iso).getTime()) / 60_000);
  if (minutes < 1) return "recién";
  if (minutes < 60) return `hace ${minutes} min`;
  return `a las ${formatClockAr(iso)}`;
}

// wa.me and tel: want the number as digits (E.164 without the plus).
const digits = (phone: string) => phone.replace(/\D/g, "");
export const whatsappHref = (phone: string) => `https://wa.me/${digits(phone)}`;
export const telHref = (phone: string) => `tel:+${digits(phone)}`;

// Technician states on the map. Contrast of white text on each is at least 4.5:1.
export const TECHNICIAN_STATE_COLOR: Record<TechnicianMapState, string> = {
  libre: "#15803d",
  en_camino: "#4338ca",
  trabajando: "#0f766e",
  sin_senal: "#64748b",
};

// Job pins by status (same hues as the status badges, darker so the number on the pin stays readable).
export const JOB_STATUS_COLOR: Record<string, string> = {
  pending: "#b45309",
  scheduled: "#1d4ed8",
  en_camino: "#6d28d9",
  working: "#0f766e",
  completed: "#15803d",
  cancelled: "#64748b",
};
export const jobColor = (status: string) => JOB_STATUS_COLOR[status] ?? "#334155";
