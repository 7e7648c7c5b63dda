import { z } from "zod";
import { sendPush } from "../../integrations/expo/send-push";
import { sendEmail, smtpConfigFromEnv, type SmtpConfig } from "../../integrations/smtp/send-email";
import { withTenant } from "../../lib/db";
import { env } from "../../lib/env";
import { notificationSettings } from "./notification-settings";
import { notificationsQueue, SEND_DEFERRED_JOB } from "./notifications-queue";
import { quietHoursDecision } from "./quiet-hours-decision";

export const notifyStaffInputSchema = z.object({
  organizationId: z.string().min(1),
  userIds: z.array(z.string().min(1)).min(1),
  message: z.object({ title: z.string().min(1), body: z.string().min(1), data: z.record(z.string(), z.unknown()).optional() }),
  urgency: z.enum(["EMERGENCY", "HIGH", "NORMAL"]).default("NORMAL"),
  // Names the deferred jobs (one per user) so a repeated call inside quiet hours queues once.
  dedupeKey: z.string().min(1).max(150).optional(),
});

export type NotifyStaffInput = z.input<typeof notifyStaffInputSchema>;
export type StaffDelivery =
  | { userId: string; channel: "push" | "email"; status: "sent"; ref: string }
  | { userId: string; channel: "push" | "email" | "whatsapp"; status: "failed" | "skipped"; reason: string }
  | { userId: string; status: "deferred"; until: Date; deferredJobId: string };

export type NotifyStaffDeps = { now?: Date; smtp?: SmtpConfig; expoPushUrl?: string };

// Staff get each notification on every channel they chose (settings.notifications.staff[userId].channels, push by
// default), each user's own quiet hours first, then the organization's. One failing channel doesn't stop the
// others; the outcome per user and channel is returned for the caller to log.
export async function notifyStaff(raw: NotifyStaffInput, deps: NotifyStaffDeps & { deferred?: boolean } = {}): Promise<StaffDelivery[]> {
  const input = notifyStaffInputSchema.parse(raw);
  const now = deps.now ?? new Date();
  const { settings, users } = await withTenant(input.organizationId, async (tx) => {
    const organization = await tx.organization.findUniqueOrThrow({ where: { id: input.organizationId }, select: { settings: true } });
    const users = await tx.user.findMany({ where: { id: { in: input.userIds } }, select: { id: true, email: true } });
    return { settings: notificationSettings(organization.settings), users };
  });

  const out: StaffDelivery[] = [];
  for (const user of users) {
    const preference = settings.staff[user.id] ?? { channels: ["push" as const], pushTokens: [] };
    if (!deps.deferred) {
      const decision = quietHoursDecision({ now, urgency: input.urgency, organizationQuiet: settings.quietHours ?? null, userQuiet: preference.quietHours ?? null });
      if (decision.action === "defer") {
        const deferredJobId = `deferred-staff-${input.organizationId}-${user.id}-${input.dedupeKey ?? now.getTime()}`;
        await notificationsQueue().add(
          SEND_DEFERRED_JOB,
          { kind: "staff", input: { ...input, userIds: [user.id] } },
          { jobId: deferredJobId, delay: decision.until.getTime() - now.getTime(), timestamp: now.getTime(), attempts: 3, backoff: { type: "exponential", delay: 5_000 } },
        );
        out.push({ userId: user.id, status: "deferred", until: decision.until, deferredJobId });
        continue;
      }
    }
    for (const channel of preference.channels) {
      out.push(await sendOn(channel, user.id, preference.email ?? user.email, preference.pushTokens, input, deps));
    }
  }
  return out;
}

async function sendOn(
  channel: "push" | "email" | "whatsapp",
  userId: string,
  email: string | null | undefined,
  pushTokens: string[],
  input: z.output<typeof notifyStaffInputSchema>,
  deps: NotifyStaffDeps,
): Promise<StaffDelivery> {
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
    // Staff WhatsApp needs a conversation with the staff member's number, which sendMessage only opens for
    // customers today: left for when staff get their own contact records.
    return { userId, channel, status: "skipped", reason: "WhatsApp a personal todavía no disponible" };
  } catch (error) {
    return { userId, channel, status: "failed", reason: error instanceof Error ? error.message : String(error) };
  }
}
