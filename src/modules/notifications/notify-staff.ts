import { z } from "zod";
import { sendPush } from "../../integrations/expo/send-push";
import { sendEmail, smtpConfigFromEnv, type SmtpConfig } from "../../integrations/smtp/send-email";
import { withTenant } from "../../lib/db";
import { ensureStaffRecipient } from "../auth/ensure-staff-recipient";
import { sendMessage } from "../messaging/send-message";
import { env } from "../../lib/env";
import { notificationSettings } from "./notification-settings";
import { deferNotification } from "./defer-notification";
import { quietHoursDecision } from "./quiet-hours-decision";

export const notifyStaffInputSchema = z.object({
  organizationId: z.string().min(1),
  userIds: z.array(z.string().min(1)).min(1),
  message: z.object({ title: z.string().min(1), body: z.string().min(1), data: z.record(z.string(), z.unknown()).optional() }),
  urgency: z.enum(["EMERGENCY", "HIGH", "NORMAL"]).default("NORMAL"),
  // Names the deferred jobs (one per user) so a repeated call inside quiet hours queues once.
  dedupeKey: z.string().min(1).max(150).optional(),
  // Channels chosen by the caller instead of each user's preference (operational alerts go to email and WhatsApp,
  // where owners read them; push reaches the technicians' app). Quiet hours still apply. issue 20 (alerts)
  channels: z.array(z.enum(["push", "email", "whatsapp"])).min(1).optional(),
});

export type NotifyStaffInput = z.input<typeof notifyStaffInputSchema>;
export type StaffDelivery =
  | { userId: string; channel: "push" | "email" | "whatsapp"; status: "sent"; ref: string }
  | { userId: string; channel: "push" | "email" | "whatsapp"; status: "failed" | "skipped"; reason: string }
  | { userId: string; status: "deferred"; until: Date; deferredJobId: string };

export type NotifyStaffDeps = { now?: Date; smtp?: SmtpConfig; expoPushUrl?: string };

// Staff get each notification on every channel they chose (settings.notifications.staff[userId].channels, push by
// default), each user's own quiet hours first, then the organization's. An emergency goes out on every channel the
// user can be reached on, whatever they chose. One failing channel doesn't stop the others; the outcome per user
// and channel is returned for the caller to log.
export async function notifyStaff(raw: NotifyStaffInput, deps: NotifyStaffDeps & { deferred?: boolean } = {}): Promise<StaffDelivery[]> {
  const input = notifyStaffInputSchema.parse(raw);
  const now = deps.now ?? new Date();
  const { settings, users } = await withTenant(input.organizationId, async (tx) => {
    const organization = await tx.organization.findUniqueOrThrow({ where: { id: input.organizationId }, select: { settings: true } });
    const users = await tx.user.findMany({ where: { id: { in: input.userIds }, isActive: true }, select: { id: true, email: true, name: true, phone: true } });
    return { settings: notificationSettings(organization.settings), users };
  });

  const out: StaffDelivery[] = [];
  for (const user of users) {
    const preference = settings.staff[user.id] ?? { channels: ["push" as const], pushTokens: [] };
    if (!deps.deferred) {
      const decision = quietHoursDecision({ now, urgency: input.urgency, organizationQuiet: settings.quietHours ?? null, userQuiet: preference.quietHours ?? null });
      if (decision.action === "defer") {
        const deferredJobId = `deferred-staff-${input.organizationId}-${user.id}-${input.dedupeKey ?? now.getTime()}`;
        await deferNotification({ organizationId: input.organizationId, key: deferredJobId, payload: { kind: "staff", input: { ...input, userIds: [user.id] } }, until: decision.until, now });
        out.push({ userId: user.id, status: "deferred", until: decision.until, deferredJobId });
        continue;
      }
    }
    const channels = input.urgency === "EMERGENCY" ? (["push", "email", "whatsapp"] as const) : (input.channels ?? preference.channels);
    const reach = { email: preference.email ?? user.email, phone: preference.phone ?? user.phone, name: user.name, pushTokens: preference.pushTokens };
    for (const channel of channels) {
      out.push(await sendOn(channel, user.id, reach, { ...input, organizationId: input.organizationId }, deps, now));
    }
  }
  return out;
}

type Reach = { email: string | null | undefined; phone: string; name: string; pushTokens: string[] };

async function sendOn(
  channel: "push" | "email" | "whatsapp",
  userId: string,
  reach: Reach,
  input: z.output<typeof notifyStaffInputSchema>,
  deps: NotifyStaffDeps,
  now: Date,
): Promise<StaffDelivery> {
  const { email, pushTokens } = reach;
  try {
    if (channel === "email") {
      if (!email) return { userId, channel, status: "skipped", reason: "sin email" };
      const { messageId } = await sendEmail({ to: email, subject: input.message.title, text: input.message.body }, deps.smtp ?? smtpConfigFromEnv());
      return { userId, channel, status: "sent", ref: messageId };
    }
    if (channel === "push") {
      if (!pushTokens.length) return { userId, channel, status: "skipped", reason: "sin dispositivos registrados" };
      const tickets = await sendPush(
        pushTokens.map((to) => ({
          to,
          title: input.message.title,
          body: input.message.body,
          ...(input.message.data ? { data: input.message.data } : {}),
          sound: "default" as const,
          priority: input.urgency === "NORMAL" ? ("default" as const) : ("high" as const),
        })),
        { url: deps.expoPushUrl ?? env.EXPO_PUSH_URL },
      );
      const ok = tickets.filter((t) => t.status === "ok").map((t) => (t as { id: string }).id);
      return ok.length ? { userId, channel, status: "sent", ref: ok.join(",") } : { userId, channel, status: "failed", reason: "Expo rechazó todos los dispositivos" };
    }
    return await sendWhatsApp(userId, reach, input, now);
  } catch (error) {
    return { userId, channel, status: "failed", reason: error instanceof Error ? error.message : String(error) };
  }
}

// Through the outbound engine like any message (tier, panic mode, retries), to the staff member's own recipient row
// (ensureStaffRecipient), as the staff_alert template because a staff member's 24-hour window is rarely open.
// Template parameters may not carry line breaks or long runs of spaces (Meta 132000), so they are flattened.
async function sendWhatsApp(userId: string, reach: Reach, input: z.output<typeof notifyStaffInputSchema>, now: Date): Promise<StaffDelivery> {
  const flat = (text: string, max: number) => text.replace(/\s+/g, " ").trim().slice(0, max);
  const customerId = await withTenant(input.organizationId, (tx) =>
    ensureStaffRecipient(tx, { userId, organizationId: input.organizationId, name: reach.name, phone: reach.phone }),
  );
  const message = await sendMessage(
    {
      organizationId: input.organizationId,
      customerId,
      content: {
        type: "template",
        name: "staff_alert",
        language: "es_AR",
        components: [{ type: "body", parameters: [{ type: "text", text: flat(input.message.title, 60) }, { type: "text", text: flat(input.message.body, 900) }] }],
      },
      purpose: input.urgency === "EMERGENCY" ? "emergency" : "notification",
      priority: input.urgency === "NORMAL" ? "normal" : "high",
      ...(input.dedupeKey ? { idempotencyKey: `staff-${input.dedupeKey}-${userId}` } : {}),
    },
    now,
  );
  return { userId, channel: "whatsapp", status: "sent", ref: message.id };
}
