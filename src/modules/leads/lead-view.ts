import type { Prisma } from "@campotech/database";

// What the API shows of a lead: the customer to call back (name, phone) and the job it became, if any.
export const LEAD_SELECT = {
  id: true,
  status: true,
  serviceType: true,
  priceListCode: true,
  quotedCents: true,
  urgency: true,
  summary: true,
  source: true,
  conversationId: true,
  createdAt: true,
  updatedAt: true,
  customer: { select: { id: true, name: true, profileName: true, phone: true } },
  job: { select: { id: true, number: true } },
} as const satisfies Prisma.LeadSelect;

type LeadRow = Prisma.LeadGetPayload<{ select: typeof LEAD_SELECT }>;

export type LeadView = Omit<LeadRow, "customer"> & { customer: { id: string; name: string; phone: string | null } };

// A customer the assistant met only on WhatsApp may have no name yet: the WhatsApp profile name stands in.
export function toLeadView(row: LeadRow): LeadView {
  const { customer, ...lead } = row;
  return { ...lead, customer: { id: customer.id, name: customer.name || customer.profileName || "", phone: customer.phone } };
}
