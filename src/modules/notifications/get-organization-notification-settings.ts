import type { TenantTx } from "../../lib/db";
import { notificationSettings } from "./notification-settings";
import { DEFAULT_QUIET_HOURS, type QuietHours } from "./quiet-hours-decision";

export type OrganizationNotificationView = { quietHours: QuietHours; isDefault: boolean };

export async function getOrganizationNotificationSettings(tx: TenantTx, organizationId: string): Promise<OrganizationNotificationView> {
  const organization = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { settings: true } });
  const quiet = notificationSettings(organization.settings).quietHours;
  return { quietHours: quiet ?? DEFAULT_QUIET_HOURS, isDefault: !quiet };
}
