import type { TemplateCategory, TenantTx } from "@campotech/database";
import type { ClientConfig } from "../../integrations/whatsapp";
import { AppError } from "../../lib/errors";
import { countPlaceholders } from "./build-template-message";
import { createProviderTemplate } from "./provider-templates";
import { toTemplateStatus } from "./template-status";

// Submits a new template for approval and records it as PENDING (or whatever the provider answered).
// Approval arrives later through the template-status webhook or a sync.
export async function createTemplate(
  tx: Pick<TenantTx, "waTemplate" | "whatsAppBusinessAccount">,
  input: {
    organizationId: string;
    accountId: string;
    name: string;
    language?: string;
    category: TemplateCategory;
    body: string;
    examples?: string[];
    clientConfig?: ClientConfig;
  },
) {
  const name = input.name.trim();
  if (!/^[a-z0-9_]{1,512}$/.test(name)) {
    throw new AppError("VALIDATION_FAILED", { fields: { name: "Solo minúsculas, números y guiones bajos." } });
  }
  const language = input.language ?? "es_AR";
  const placeholders = countPlaceholders(input.body);
  if (placeholders && (input.examples?.length ?? 0) !== placeholders) {
    throw new AppError("VALIDATION_FAILED", { fields: { examples: `Hace falta un ejemplo por cada variable (${placeholders}).` } });
  }
  const duplicate = await tx.waTemplate.findUnique({
    where: { organizationId_name_language: { organizationId: input.organizationId, name, language } },
    select: { id: true },
  });
  if (duplicate) throw new AppError("CONFLICT", { message: "Ya existe una plantilla con ese nombre e idioma." });
  const account = await tx.whatsAppBusinessAccount.findUnique({
    where: { id: input.accountId },
    select: { bspProvider: true, wabaId: true, credentialsEncrypted: true, organizationId: true },
  });
  if (!account || account.organizationId !== input.organizationId) throw new AppError("NOT_FOUND");

  const components = [
    { type: "BODY", text: input.body, ...(placeholders ? { example: { body_text: [input.examples ?? []] } } : {}) },
  ];
  const result = await createProviderTemplate(account, { name, language, category: input.category, components }, input.clientConfig);
  if (!result.ok) {
    throw new AppError("VALIDATION_FAILED", {
      message: `El proveedor rechazó la plantilla: ${result.error.title}`,
      detail: JSON.stringify(result.error),
    });
  }
  return tx.waTemplate.create({
    data: {
      organizationId: input.organizationId,
      name,
      language,
      category: input.category,
      status: toTemplateStatus(result.status),
      components,
      providerTemplateId: result.id || null,
    },
  });
}
