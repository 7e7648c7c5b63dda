import { z } from "zod";
import { withTenant } from "../../../lib/db";
import { addDays, localDateOf, weekdayOf, zonedTimeToUtc } from "../../../lib/time";
import { formatDateAr, formatTimeAr } from "../../messaging/format-ar";
import { getAvailability } from "../../scheduling/get-availability";
import { defineTool } from "./assistant-tool";

export const VISIT_MINUTES = 120;
// A 12:00 start is lunch time, not "a la mañana".
const PARTS = { morning: ["00:00", "12:00"], afternoon: ["12:00", "18:00"], evening: ["18:00", "24:00"] } as const;

export type OfferedSlotView = { index: number; start: Date; end: Date; technicianId: string; technicianName: string; label: string };

export function slotLabel(start: Date, end: Date): string {
  return `${formatDateAr(start)} de ${formatTimeAr(start)} a ${formatTimeAr(end)}`;
}

const hhmm = z.string().regex(/^\d{2}:\d{2}$/);
const DAY_KEYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"] as const;

const inputSchema = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  weekday: z.number().int().min(0).max(6).optional(),
  dayPart: z.enum(["morning", "afternoon", "evening"]).optional(),
  time: hhmm.optional(),
  after: hhmm.optional(),
  before: hhmm.optional(),
  weekend: z.boolean().optional(),
  nextWeek: z.boolean().optional(),
  // Reschedule: the customer's job being moved (its own time counts as free).
  jobId: z.string().max(60).optional(),
  count: z.number().int().min(1).max(3).default(3),
});

// Real free slots from the technicians' availability (hours, time off, holidays, booked jobs) inside the office's
// business hours (settings.businessHours, when set: nobody books a visit the office cannot answer for), two or three
// of them on different days when possible, honouring what the customer asked for ("el martes", "a la tarde", "a las
// 10", "después de las 18", "el finde", "la semana que viene"). When nothing fits the wish, the earliest slots are
// offered instead and matchedPreference says so. When a visit is being moved, its own time is free for it.
export const findSlotsTool = defineTool({
  name: "find_slots",
  description: "Busca turnos libres reales de los técnicos (2 o 3, en días distintos si se puede). Usalo antes de ofrecer horarios; nunca ofrezcas horarios que no vengan de esta herramienta. Los horarios son de Buenos Aires.",
  parameters: {
    type: "object",
    properties: {
      date: { type: "string", description: "día pedido, YYYY-MM-DD (hora de Buenos Aires)" },
      weekday: { type: "integer", description: "día de la semana pedido, 0 = domingo … 6 = sábado" },
      dayPart: { type: "string", enum: ["morning", "afternoon", "evening"], description: "mañana, tarde o noche" },
      time: { type: "string", description: "hora pedida HH:MM" },
      after: { type: "string", description: "que empiece a partir de esta hora, HH:MM (\"después de las 18\")" },
      before: { type: "string", description: "que empiece antes de esta hora, HH:MM (\"antes de las 10\")" },
      weekend: { type: "boolean", description: "el cliente pidió el fin de semana" },
      nextWeek: { type: "boolean", description: "el cliente pidió la semana que viene" },
      jobId: { type: "string", description: "si el cliente quiere reprogramar: el id de su visita (de get_job_status)" },
      count: { type: "integer", description: "cuántos turnos ofrecer (1 a 3)" },
    },
    additionalProperties: false,
  },
  input: inputSchema,
  async run(ctx, input) {
    if (input.jobId) {
      const job = await withTenant(ctx.organizationId, (tx) =>
        tx.job.findFirst({ where: { id: input.jobId, customerId: ctx.customerId, status: { in: ["pending", "scheduled"] } }, select: { id: true } }));
      if (!job) return { slots: [], matchedPreference: false, error: "esa visita no existe o ya no se puede reprogramar" };
      ctx.state.jobId = job.id;
    }
    const today = localDateOf(ctx.now);
    const nextMonday = addDays(today, (8 - weekdayOf(today)) % 7 || 7);
    const fromDate = input.date && input.date > today ? input.date : today;
    const search = async (from: string, days: number) => {
      const { technicians } = await withTenant(ctx.organizationId, (tx) =>
        getAvailability(tx, { from: zonedTimeToUtc(from, "00:00"), days, slotMinutes: VISIT_MINUTES, now: ctx.now, ...(ctx.state.jobId ? { excludeJobId: ctx.state.jobId } : {}) }),
      );
      return technicians
        .flatMap((t) => t.slots.map((s) => ({ ...s, technicianId: t.technicianId, technicianName: t.name })))
        .filter((s) => withinBusinessHours(s, ctx.settings.businessHours))
        .sort((a, b) => a.start.getTime() - b.start.getTime() || a.technicianId.localeCompare(b.technicianId));
    };
    const all = await search(fromDate, input.date ? 7 : input.nextWeek || input.weekend ? 14 : 10);
    const wished = all.filter((s) => fits(s.start, input, nextMonday));
    const pool = wished.length ? wished : all;
    const picked = spread(pool, input.count);
    const slots: OfferedSlotView[] = picked.map((s, index) => ({ index, start: s.start, end: s.end, technicianId: s.technicianId, technicianName: s.technicianName, label: slotLabel(s.start, s.end) }));
    ctx.state.offeredSlots = slots.map((s) => ({ start: s.start, end: s.end, technicianId: s.technicianId }));
    ctx.state.awaiting = slots.length ? "slot_choice" : undefined;
    return { slots, matchedPreference: wished.length > 0 || !hasPreference(input) };
  },
});

const hasPreference = (input: z.output<typeof inputSchema>) =>
  Boolean(input.date || input.weekday !== undefined || input.dayPart || input.time || input.after || input.before || input.weekend || input.nextWeek);

// Business hours bound whole visits (a 16:00–18:00 visit fits an office open until 18:00). No hours set: no bound.
export function withinBusinessHours(slot: { start: Date; end: Date }, hours: Partial<Record<(typeof DAY_KEYS)[number], [string, string]>>): boolean {
  if (!Object.keys(hours).length) return true;
  const open = hours[DAY_KEYS[weekdayOf(localDateOf(slot.start))]!];
  if (!open) return false;
  const endDay = localDateOf(new Date(slot.end.getTime() - 1));
  const end = endDay === localDateOf(slot.start) ? formatTimeAr(slot.end) : "24:00";
  return formatTimeAr(slot.start) >= open[0] && (end === "00:00" ? "24:00" : end) <= open[1];
}

function fits(start: Date, input: z.output<typeof inputSchema>, nextMonday: string): boolean {
  const day = localDateOf(start);
  const time = formatTimeAr(start);
  if (input.date && day !== input.date) return false;
  if (input.weekday !== undefined && weekdayOf(day) !== input.weekday) return false;
  if (input.weekend && ![0, 6].includes(weekdayOf(day))) return false;
  if (input.nextWeek && !input.date && (day < nextMonday || day >= addDays(nextMonday, 7))) return false;
  if (input.after && time < input.after) return false;
  if (input.before && time >= input.before) return false;
  if (input.dayPart) {
    const [from, to] = PARTS[input.dayPart];
    if (time < from || time >= to) return false;
  }
  // "a las 10": that start, or the first one after it the same day (a 10:00 wish is met by 10:00, not by 08:00).
  if (input.time && time < input.time) return false;
  return true;
}

// One slot per day first (customers like a choice of days), then the next earliest; one technician per start.
function spread<T extends { start: Date }>(slots: T[], count: number): T[] {
  const seen = new Set<number>();
  const unique = slots.filter((s) => !seen.has(s.start.getTime()) && seen.add(s.start.getTime()));
  const byDay = new Map<string, T>();
  for (const s of unique) if (!byDay.has(localDateOf(s.start))) byDay.set(localDateOf(s.start), s);
  const picked = [...byDay.values()].slice(0, count);
  for (const s of unique) {
    if (picked.length >= count) break;
    if (!picked.includes(s)) picked.push(s);
  }
  return picked.sort((a, b) => a.start.getTime() - b.start.getTime());
}

