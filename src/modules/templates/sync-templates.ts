import type { TenantTx } from "@campotech/database";
import type { ClientConfig } from "../../integrations/whatsapp";
import { AppError } from "../../lib/errors";
import { listProviderTemplates } from "./provider-templates";
import { toTemplateStatus } from "./template-status";

// Pulls the provider's templates into our registry: new ones are added, known ones get the provider's status
// (an approval, a pause for low quality, a rejection) and id. Templates only we know keep their state.
export async function syncTemplates(
  tx: Pick<TenantTx, "waTemplate" | "whatsAppBusinessAccount">,
  input: { organizationId: string; accountId: string; clientConfig?: ClientConfig },
): Promise<{ created: number; updated: number }> {
  const account = await tx.whatsAppBusinessAccount.findUnique({
    where: { id: input.accountId },
    select: { bspProvider: true, wabaId: true, credentialsEncrypted: true, organizationId: true },
  });
  if (!account || account.organizationId !== input.organizationId) throw new AppError("NOT_FOUND");
  const listed = await listProviderTemplates(account, input.clientConfig);
  if (!listed.ok) {
    throw new AppError("SERVICE_UNAVAILABLE", {
      message: `El proveedor no respondió al listar plantillas (${listed.error.code}: ${listed.error.title}).`,
      detail: JSON.stringify(listed.error),
    });
  }
  let created = 0;
  let updated = 0;
  for (const template of listed.templates) {
    const category = (["UTILITY", "MARKETING", "AUTHENTICATION"] as const).find((c) => c === template.category.toUpperCase()) ?? "UTILITY";
    const key = { organizationId: input.organizationId, name: template.name, language: template.language || "es_AR" };
    const existing = await tx.waTemplate.findUnique({ where: { organizationId_name_language: key }, select: { id: true } });
    const data = {
      status: toTemplateStatus(template.status),
      category,
      components: template.components as object[],
      providerTemplateId: template.id ?? null,
    };
    if (existing) {
      await tx.waTemplate.update({ where: { id: existing.id }, data });
      updated++;
    } else {
      await tx.waTemplate.create({ data: { ...key, ...data } });
      created++;
    }
  }
  return { created, updated };
}
