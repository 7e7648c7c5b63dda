import type { TenantTx } from "../../lib/db";
import { ACCOUNT_SETTINGS_SELECT, toAccountSettingsView, type AccountSettingsView } from "./account-settings-view";

// The organization's numbers for the settings screen, oldest first. Released numbers are history, not settings.
export async function listWhatsAppAccounts(tx: TenantTx, input: { organizationId: string }): Promise<AccountSettingsView[]> {
  const rows = await tx.whatsAppBusinessAccount.findMany({
    where: { organizationId: input.organizationId, provisioningStatus: { not: "RELEASED" } },
    orderBy: { createdAt: "asc" },
    select: ACCOUNT_SETTINGS_SELECT,
  });
  return rows.map((row) => toAccountSettingsView(row, input.organizationId));
}
