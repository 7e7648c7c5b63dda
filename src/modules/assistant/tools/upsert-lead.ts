import type { JobUrgency, LeadStatus, ServiceType } from "@campotech/database";
import type { TenantTx } from "../../../lib/db";
import type { OrganizationEvent } from "../../events/organization-event";

export type LeadInput = {
  organizationId: string;
  customerId: string;
  conversationId: string;
  summary: string;
  status?: LeadStatus;
  serviceType?: ServiceType | null;
  priceListCode?: string | null;
  quotedCents?: number | null;
  urgency?: JobUrgency;
  jobId?: string | null;
};

const ORDER: LeadStatus[] = ["NEW", "QUOTED", "SCHEDULED", "WON", "LOST"];

// One open lead per customer: a new question from the same customer updates it instead of piling up rows. The
// status only moves forward (a later "¿cuánto sale?" does not undo a booked visit); urgency only goes up.
// issue 22 (workers3): two turns of one customer answered at once (two worker processes) would both find no open
// lead and both create one; a per-customer lock serializes the look with the write. Always taken after the job locks
// (7302/7303) by the tools that take those too.
const LEAD_LOCK_CLASS = 7_306;

export async function upsertLead(tx: TenantTx, input: LeadInput): Promise<{ id: string; event: OrganizationEvent }> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LEAD_LOCK_CLASS}::int, hashtext(${input.customerId}))`;
  const open = await tx.lead.findFirst({
    where: { customerId: input.customerId, status: { in: ["NEW", "QUOTED", "SCHEDULED"] } },
    orderBy: { updatedAt: "desc" },
    select: { id: true, status: true, urgency: true },
  });
  const status = input.status ?? "NEW";
  const data = {
    summary: input.summary.slice(0, 500),
    ...(input.serviceType ? { serviceType: input.serviceType } : {}),
    ...(input.priceListCode ? { priceListCode: input.priceListCode } : {}),
    ...(input.quotedCents != null ? { quotedCents: input.quotedCents } : {}),
    ...(input.jobId ? { jobId: input.jobId } : {}),
  };
  const urgencyRank = { NORMAL: 0, HIGH: 1, EMERGENCY: 2 } as const;
  const lead = open
    ? await tx.lead.update({
        where: { id: open.id },
        data: {
          ...data,
          conversationId: input.conversationId,
          status: ORDER.indexOf(status) > ORDER.indexOf(open.status) ? status : open.status,
          urgency: input.urgency && urgencyRank[input.urgency] > urgencyRank[open.urgency] ? input.urgency : open.urgency,
        },
        select: { id: true, status: true, updatedAt: true },
      })
    : await tx.lead.create({
        data: { ...data, organizationId: input.organizationId, customerId: input.customerId, conversationId: input.conversationId, status, urgency: input.urgency ?? "NORMAL" },
        select: { id: true, status: true, updatedAt: true },
      });
  return {
    id: lead.id,
    event: { type: "lead.updated", organizationId: input.organizationId, leadId: lead.id, customerId: input.customerId, status: lead.status, at: lead.updatedAt.toISOString() },
  };
}
