import type { TenantTx } from "../../lib/db";
import type { ClientConfig } from "../../integrations/whatsapp";
import { appendAuditLog } from "../audit/append-audit-log";
import { findTemplateAccount } from "./find-template-account";
import { syncTemplates } from "./sync-templates";

// "Sincronizar ahora" in the dashboard: pull the provider's templates for one number and say what changed.
export async function syncTemplatesNow(
  tx: TenantTx,
  input: { organizationId: string; actorId: string; accountId?: string; clientConfig?: ClientConfig },
): Promise<{ accountId: string; created: number; updated: number; total: number; syncedAt: Date }> {
  const accountId = await findTemplateAccount(tx, { organizationId: input.organizationId, ...(input.accountId ? { accountId: input.accountId } : {}) });
  const counts = await syncTemplates(tx, { organizationId: input.organizationId, accountId, ...(input.clientConfig ? { clientConfig: input.clientConfig } : {}) });
  await appendAuditLog(tx, {
    organizationId: input.organizationId, actorType: "USER", actorId: input.actorId, action: "template.synced",
    entityType: "WhatsAppBusinessAccount", entityId: accountId, metadata: counts,
  });
  return { accountId, ...counts, total: await tx.waTemplate.count(), syncedAt: new Date() };
}
