import type { TenantTx } from "../../lib/db";
import { appendAuditLog } from "../audit/append-audit-log";
import { getOrganizationNotificationSettings, type OrganizationNotificationView } from "./get-organization-notification-settings";
import type { QuietHours } from "./quiet-hours-decision";
import { updateNotificationSettings } from "./update-notification-settings";

// The organization's quiet hours for customers and staff without their own (null goes back to 21:00–08:00).
export async function setOrganizationQuietHours(
  tx: TenantTx,
  actor: { organizationId: string; userId: string },
  quietHours: QuietHours | null,
): Promise<OrganizationNotificationView> {
  await updateNotificationSettings(tx, actor.organizationId, (current) => {
    const next = { ...current };
    if (quietHours) next.quietHours = quietHours;
    else delete next.quietHours;
    return next;
  });
  await appendAuditLog(tx, {
    organizationId: actor.organizationId, actorType: "USER", actorId: actor.userId, action: "notifications.quiet_hours_set", entityType: "Organization", entityId: actor.organizationId,
    metadata: { quietHours: quietHours ? `${quietHours.start}-${quietHours.end}` : "default" },
  });
  return getOrganizationNotificationSettings(tx, actor.organizationId);
}
