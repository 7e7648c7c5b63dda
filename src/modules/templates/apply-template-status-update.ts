import type { TenantTx } from "@campotech/database";
import { toTemplateStatus } from "./template-status";

// Meta's `message_template_status_update` webhook value:
// { event: "APPROVED" | "REJECTED" | "PAUSED" | "DISABLED" | …, message_template_id, message_template_name,
//   message_template_language, reason }
export async function applyTemplateStatusUpdate(
  tx: Pick<TenantTx, "waTemplate">,
  input: { organizationId: string; value: { event?: string; message_template_name?: string; message_template_language?: string; message_template_id?: string | number; reason?: string | null } },
): Promise<{ updated: number }> {
  const { value } = input;
  if (!value.message_template_name || !value.event) return { updated: 0 };
  const status = toTemplateStatus(value.event);
  const { count } = await tx.waTemplate.updateMany({
    where: {
      organizationId: input.organizationId,
      name: value.message_template_name,
      ...(value.message_template_language ? { language: value.message_template_language } : {}),
    },
    data: {
      status,
      rejectionReason: status === "REJECTED" && value.reason && value.reason !== "NONE" ? value.reason : null,
      ...(value.message_template_id ? { providerTemplateId: String(value.message_template_id) } : {}),
    },
  });
  return { updated: count };
}
