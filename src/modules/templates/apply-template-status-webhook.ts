import type { TemplateStatusUpdate } from "../../integrations/whatsapp/inbound-events";
import { db, withTenant } from "../../lib/db";
import { applyTemplateStatusUpdate } from "./apply-template-status-update";

// A template status webhook updates that template in every organization whose account belongs to the WABA.
export async function applyTemplateStatusWebhook(update: TemplateStatusUpdate): Promise<{ organizations: number; updated: number }> {
  const organizations = await db.$queryRaw<{ id: string }[]>`SELECT campotech_waba_organizations(${update.wabaId}) AS id`;
  let updated = 0;
  for (const { id: organizationId } of organizations) {
    const result = await withTenant(organizationId, (tx) =>
      applyTemplateStatusUpdate(tx, {
        organizationId,
        value: {
          event: update.event,
          message_template_name: update.name,
          message_template_language: update.language,
          ...(update.templateId ? { message_template_id: update.templateId } : {}),
          reason: update.reason ?? null,
        },
      }),
    );
    updated += result.updated;
  }
  return { organizations: organizations.length, updated };
}
