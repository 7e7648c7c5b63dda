import type { TemplateCategory } from "@campotech/database";
import type { TenantTx } from "../../lib/db";
import { getConversationOrThrow } from "../conversations/get-conversation-or-throw";
import type { Viewer } from "../conversations/viewer";
import { templateBodyText } from "./build-template-message";
import { isCustomerFacingTemplate } from "./template-audience";
import { templateFields, type ComposerContext, type TemplateField } from "./template-fields";

export type ComposerTemplate = { id: string; name: string; language: string; category: TemplateCategory; body: string; fields: TemplateField[] };
export type ComposerTemplates = { customerFirstName: string | null; templates: ComposerTemplate[] };

const firstName = (name: string | null | undefined) => name?.trim().split(/\s+/)[0] || null;

// What the inbox's composer offers in a conversation: the approved templates a person may send to a customer, each
// with named fields prefilled from what the conversation knows (the customer, their next visit, the business), and
// the customer's first name for quick replies. The conversation is checked for visibility like every inbox read.
export async function getComposerTemplates(tx: TenantTx, viewer: Viewer, conversationId: string, now = new Date()): Promise<ComposerTemplates> {
  const visible = await getConversationOrThrow(tx, conversationId, viewer, "read");
  const { customer } = await tx.whatsAppConversation.findUniqueOrThrow({
    where: { id: visible.id },
    select: { customer: { select: { id: true, name: true, profileName: true } } },
  });
  const [organization, job, rows] = await Promise.all([
    tx.organization.findUnique({ where: { id: visible.organizationId }, select: { name: true } }),
    // The visit the customer is waiting for: the one under way, else the next one on the calendar.
    tx.job.findFirst({
      where: { customerId: customer.id, OR: [{ status: "en_camino" }, { status: "scheduled", scheduledStart: { gte: now } }] },
      orderBy: [{ scheduledStart: "asc" }],
      select: { number: true, scheduledStart: true, technician: { select: { name: true } } },
    }),
    tx.waTemplate.findMany({
      where: { status: "APPROVED" },
      select: { id: true, name: true, language: true, category: true, components: true },
      orderBy: [{ name: "asc" }, { language: "asc" }],
    }),
  ]);
  const name = customer.name?.trim() || customer.profileName || undefined;
  const ctx: ComposerContext = {
    ...(name ? { customerName: name } : {}),
    ...(job?.scheduledStart ? { jobStart: job.scheduledStart } : {}),
    ...(job?.technician?.name ? { technicianName: job.technician.name } : {}),
    ...(job ? { jobNumber: job.number } : {}),
    ...(organization ? { organizationName: organization.name } : {}),
  };
  const templates = rows
    .filter((t) => isCustomerFacingTemplate(t.name))
    .map((t) => ({ id: t.id, name: t.name, language: t.language, category: t.category, body: templateBodyText(t.components), fields: templateFields(t, ctx) }));
  return { customerFirstName: firstName(name), templates };
}
