import type { LeadStatus } from "@campotech/database";
import type { TenantTx } from "../../lib/db";
import { appendAuditLog } from "../audit/append-audit-log";
import type { OrganizationEvent } from "../events/organization-event";
import { getLeadOrThrow } from "./get-lead-or-throw";
import { LEAD_SELECT, toLeadView, type LeadView } from "./lead-view";

export type LeadChanges = { status?: LeadStatus; quotedCents?: number | null; note?: string };

// A person following up a lead: marks it won or lost, or records the price they quoted. Unlike the assistant's
// upsert (status only moves forward), a person may move it anywhere: they correct what the assistant guessed.
// The note has no column of its own; it lives in the audit row, next to the change it explains. The event is
// returned for the caller to publish after the commit, and only when the lead actually changed.
export async function updateLead(
  tx: TenantTx,
  actor: { organizationId: string; userId: string },
  leadId: string,
  changes: LeadChanges,
): Promise<{ lead: LeadView; events: OrganizationEvent[] }> {
  const before = await getLeadOrThrow(tx, leadId);
  const fields = (["status", "quotedCents"] as const).filter((key) => changes[key] !== undefined && changes[key] !== before[key]);
  const note = changes.note?.trim() || undefined;
  if (!fields.length && !note) return { lead: before, events: [] };
  const lead = fields.length
    ? toLeadView(await tx.lead.update({ where: { id: before.id }, data: Object.fromEntries(fields.map((key) => [key, changes[key]])), select: LEAD_SELECT }))
    : before;
  await appendAuditLog(tx, {
    organizationId: actor.organizationId, actorType: "USER", actorId: actor.userId, action: "lead.updated", entityType: "Lead", entityId: lead.id,
    metadata: { fields, ...(fields.includes("status") ? { from: before.status, to: lead.status } : {}), ...(note ? { note } : {}) },
  });
  const events: OrganizationEvent[] = fields.length
    ? [{ type: "lead.updated", organizationId: actor.organizationId, leadId: lead.id, customerId: lead.customer.id, status: lead.status, at: lead.updatedAt.toISOString() }]
    : [];
  return { lead, events };
}
