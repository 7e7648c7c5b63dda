import type { TenantTx } from "../../lib/db";
import { notificationSettings, type NotificationSettings } from "./notification-settings";

// Notification settings live inside Organization.settings (JSON) next to other settings. Read-modify-write under a
// row lock, so two people saving their preferences at once don't overwrite each other's.
export async function updateNotificationSettings(
  tx: TenantTx,
  organizationId: string,
  change: (current: NotificationSettings) => NotificationSettings,
): Promise<NotificationSettings> {
  await tx.$queryRaw`SELECT id FROM "Organization" WHERE id = ${organizationId} FOR UPDATE`;
  const organization = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { settings: true } });
  const raw = (organization.settings ?? {}) as Record<string, unknown>;
  const next = change(notificationSettings(raw));
  await tx.organization.update({ where: { id: organizationId }, data: { settings: { ...raw, notifications: next } } });
  return next;
}
