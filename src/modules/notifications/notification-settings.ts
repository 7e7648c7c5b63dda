import { z } from "zod";

const hhmm = z.string().regex(/^\d{2}:\d{2}$/);
const quietHoursSchema = z.object({ start: hhmm, end: hhmm });

// Staff preferences live in Organization.settings.notifications.staff[userId] for now (no schema change while the
// jobs tables land). When preferences get a screen of their own they move to a NotificationPreference table
// (userId, channel, enabled, quiet hours, push tokens) and this parser becomes its reader.
const staffPreferenceSchema = z.object({
  channels: z.array(z.enum(["push", "email", "whatsapp"])).default(["push"]),
  email: z.email().optional(),
  phone: z.string().optional(),
  pushTokens: z.array(z.string()).default([]),
  quietHours: quietHoursSchema.optional(),
});

const schema = z.object({
  notifications: z
    .object({
      quietHours: quietHoursSchema.optional(),
      staff: z.record(z.string(), staffPreferenceSchema).default({}),
    })
    .default({ staff: {} }),
});

export type StaffPreference = z.infer<typeof staffPreferenceSchema>;
export type NotificationSettings = z.infer<typeof schema>["notifications"];

// A malformed settings blob must not stop notifications: fall back to the defaults.
export function notificationSettings(settings: unknown): NotificationSettings {
  const parsed = schema.safeParse(settings ?? {});
  return parsed.success ? parsed.data.notifications : { staff: {} };
}
