import { z } from "zod";
import { localDateOf, weekdayOf } from "../../lib/time";

const hhmm = z.string().regex(/^\d{2}:\d{2}$/);
const DAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"] as const;

const schema = z.object({
  // Organization.settings.businessHours: { monday: ["08:00", "18:00"], … } in the organization's time zone.
  businessHours: z.partialRecord(z.enum(DAYS), z.tuple([hhmm, hhmm])).default({}),
  assistant: z
    .object({
      autoResponseEnabled: z.boolean().default(false),
      // "always", or only when the office is closed (people answer during business hours). Emergencies always.
      mode: z.enum(["always", "outside_business_hours"]).default("always"),
      customInstructions: z.string().max(2000).default(""),
      // How long the assistant stays quiet in a conversation after a person takes over.
      handoffMinutes: z.number().int().min(5).max(7 * 24 * 60).default(120),
      // Who gets emergency alerts besides owners (e.g. whoever is on call this week).
      onCallUserIds: z.array(z.string()).default([]),
    })
    .default({ autoResponseEnabled: false, mode: "always", customInstructions: "", handoffMinutes: 120, onCallUserIds: [] }),
});

export type AssistantSettings = z.infer<typeof schema>["assistant"] & { businessHours: z.infer<typeof schema>["businessHours"] };

// A malformed settings document turns the assistant off rather than guessing.
export function assistantSettings(settings: unknown): AssistantSettings {
  const parsed = schema.safeParse(settings ?? {});
  if (!parsed.success) return { ...schema.parse({}).assistant, businessHours: {} };
  return { ...parsed.data.assistant, businessHours: parsed.data.businessHours };
}

export function isWithinBusinessHours(settings: Pick<AssistantSettings, "businessHours">, now: Date, timeZone?: string): boolean {
  const day = localDateOf(now, timeZone);
  const hours = settings.businessHours[DAYS[weekdayOf(day)]!];
  if (!hours) return false;
  const time = new Intl.DateTimeFormat("en-GB", { timeZone: timeZone ?? "America/Argentina/Buenos_Aires", hour: "2-digit", minute: "2-digit", hour12: false }).format(now);
  return time >= hours[0] && time < hours[1];
}

// "lunes a viernes de 08:00 a 18:00, sábados de 09:00 a 13:00" for replies.
export function describeBusinessHours(settings: Pick<AssistantSettings, "businessHours">): string | null {
  const names = { sunday: "domingos", monday: "lunes", tuesday: "martes", wednesday: "miércoles", thursday: "jueves", friday: "viernes", saturday: "sábados" } as const;
  const groups: { days: (typeof DAYS)[number][]; hours: [string, string] }[] = [];
  for (const day of [...DAYS.slice(1), DAYS[0]]) {
    const hours = settings.businessHours[day];
    if (!hours) continue;
    const last = groups.at(-1);
    const previous = last ? DAYS[(DAYS.indexOf(last.days.at(-1)!) + 1) % 7] : undefined;
    if (last && last.hours[0] === hours[0] && last.hours[1] === hours[1] && previous === day) last.days.push(day);
    else groups.push({ days: [day], hours });
  }
  if (!groups.length) return null;
  return groups
    .map((g) => `${g.days.length > 2 ? `${names[g.days[0]!]} a ${names[g.days.at(-1)!]}` : g.days.map((d) => names[d]).join(" y ")} de ${g.hours[0]} a ${g.hours[1]}`)
    .join(", ");
}
