import type { JobUrgency, LeadStatus, Prisma } from "@campotech/database";
import type { TenantTx } from "../../lib/db";
import { LEAD_SELECT, toLeadView, type LeadView } from "./lead-view";

export type ListLeadsInput = { status?: LeadStatus; urgency?: JobUrgency; customerId?: string; cursor?: string; limit?: number };

// Newest first. Keyset order is (createdAt, id), so pages stay stable while the assistant adds leads.
export async function listLeads(tx: TenantTx, input: ListLeadsInput): Promise<{ items: LeadView[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(input.limit ?? 50, 1), 200);
  const where: Prisma.LeadWhereInput = {
    ...(input.status ? { status: input.status } : {}),
    ...(input.urgency ? { urgency: input.urgency } : {}),
    ...(input.customerId ? { customerId: input.customerId } : {}),
  };
  const rows = await tx.lead.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    select: LEAD_SELECT,
  });
  const items = rows.slice(0, limit).map(toLeadView);
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}
