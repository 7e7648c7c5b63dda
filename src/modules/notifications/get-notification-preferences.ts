import type { TenantTx } from "../../lib/db";
import { DEFAULT_QUIET_HOURS, type QuietHours } from "./quiet-hours-decision";
import { notificationSettings } from "./notification-settings";

export type NotificationPreferencesView = {
  channels: ("push" | "email" | "whatsapp")[];
  email: string | null;
  devices: number;
  // The user's own quiet hours, and what applies when they have none (the organization's, or the default).
  quietHours: QuietHours | null;
  effectiveQuietHours: QuietHours;
};

export async function getNotificationPreferences(tx: TenantTx, user: { organizationId: string; userId: string }): Promise<NotificationPreferencesView> {
  const organization = await tx.organization.findUniqueOrThrow({ where: { id: user.organizationId }, select: { settings: true } });
  const settings = notificationSettings(organization.settings);
  const mine = settings.staff[user.userId];
  const account = await tx.user.findFirst({ where: { id: user.userId }, select: { email: true } });
  const quiet = mine?.quietHours ?? null;
  return {
    channels: mine?.channels ?? ["push"],
    email: mine?.email ?? account?.email ?? null,
    devices: mine?.pushTokens.length ?? 0,
    quietHours: quiet,
    effectiveQuietHours: quiet ?? settings.quietHours ?? DEFAULT_QUIET_HOURS,
  };
}
