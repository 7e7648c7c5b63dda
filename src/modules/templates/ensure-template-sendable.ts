import type { TenantTx, WaTemplate } from "@campotech/database";
import { AppError } from "../../lib/errors";

// Unknown or unapproved templates are refused before any provider is called: WhatsApp would reject them anyway
// (132001), and a refused send must not count against limits or trip panic mode.
export async function ensureTemplateSendable(
  tx: Pick<TenantTx, "waTemplate">,
  input: { organizationId: string; name: string; language?: string },
): Promise<WaTemplate> {
  const language = input.language ?? "es_AR";
  const template = await tx.waTemplate.findUnique({
    where: { organizationId_name_language: { organizationId: input.organizationId, name: input.name, language } },
  });
  if (!template) {
    throw new AppError("TEMPLATE_NOT_APPROVED", { message: `La plantilla "${input.name}" (${language}) no existe.` });
  }
  if (template.status !== "APPROVED") {
    throw new AppError("TEMPLATE_NOT_APPROVED", {
      message: `La plantilla "${input.name}" está en estado ${template.status}: solo se pueden enviar plantillas aprobadas.`,
    });
  }
  return template;
}
