import type { TenantTx } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { appendAuditLog } from "../audit/append-audit-log";
import { getNotificationPreferences, type NotificationPreferencesView } from "./get-notification-preferences";
import { notificationPreferencesInputSchema, type NotificationPreferencesInput } from "./notification-preferences.schemas";
import { updateNotificationSettings } from "./update-notification-settings";

// A staff member's own channels, email and quiet hours. Email as a channel needs an address to send to.
export async function setNotificationPreferences(
  tx: TenantTx,
  user: { organizationId: string; userId: string },
  raw: NotificationPreferencesInput,
): Promise<NotificationPreferencesView> {
  const input = notificationPreferencesInputSchema.parse(raw);
  const account = await tx.user.findFirstOrThrow({ where: { id: user.userId }, select: { email: true } });
  await updateNotificationSettings(tx, user.organizationId, (current) => {
    const before = current.staff[user.userId] ?? { channels: ["push" as const], pushTokens: [] };
    const email = input.email === undefined ? before.email : (input.email ?? undefined);
    if (input.channels.includes("email") && !(email ?? account.email)) {
      throw new AppError("VALIDATION_FAILED", { message: "Para recibir avisos por email cargá una dirección.", fields: { email: "Falta el email." } });
    }
    const quietHours = input.quietHours === undefined ? before.quietHours : (input.quietHours ?? undefined);
    const next = { ...before, channels: input.channels, ...(email ? { email } : {}), ...(quietHours ? { quietHours } : {}) };
    if (!email) delete next.email;
    if (!quietHours) delete next.quietHours;
    return { ...current, staff: { ...current.staff, [user.userId]: next } };
  });
  await appendAuditLog(tx, {
    organizationId: user.organizationId, actorType: "USER", actorId: user.userId, action: "notifications.preferences_set", entityType: "User", entityId: user.userId,
    metadata: { channels: input.channels.join(","), quietHours: input.quietHours ? `${input.quietHours.start}-${input.quietHours.end}` : null },
  });
  return getNotificationPreferences(tx, user);
}
