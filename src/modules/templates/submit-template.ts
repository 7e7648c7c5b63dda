import type { TenantTx } from "../../lib/db";
import type { ClientConfig } from "../../integrations/whatsapp";
import { appendAuditLog } from "../audit/append-audit-log";
import { createTemplate } from "./create-template";
import { findTemplateAccount } from "./find-template-account";
import type { TemplateInput } from "./template-input.schemas";
import { TEMPLATE_VIEW_SELECT, toTemplateView, type TemplateView } from "./template-view";

// A person proposes a template from the dashboard: submitted to the provider for review and recorded (PENDING
// until the status webhook or a sync says otherwise), audited in the same transaction.
export async function submitTemplate(
  tx: TenantTx,
  input: { organizationId: string; actorId: string; template: TemplateInput; clientConfig?: ClientConfig },
): Promise<TemplateView> {
  const accountId = await findTemplateAccount(tx, { organizationId: input.organizationId, ...(input.template.accountId ? { accountId: input.template.accountId } : {}) });
  const { name, language, category, body, examples } = input.template;
  const created = await createTemplate(tx, {
    organizationId: input.organizationId, accountId, name, language, category, body, examples,
    ...(input.clientConfig ? { clientConfig: input.clientConfig } : {}),
  });
  await appendAuditLog(tx, {
    organizationId: input.organizationId, actorType: "USER", actorId: input.actorId, action: "template.submitted",
    entityType: "WaTemplate", entityId: created.id, metadata: { name, language, category, accountId, status: created.status },
  });
  return toTemplateView(await tx.waTemplate.findUniqueOrThrow({ where: { id: created.id }, select: TEMPLATE_VIEW_SELECT }));
}
