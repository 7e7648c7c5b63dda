import type { TenantTx } from "../../lib/db";
import { buenosAiresPeriods } from "./buenos-aires-day";
import { countMessageStatuses } from "./count-message-statuses";
import { listOpenEmergencies } from "./list-open-emergencies";
import { listTodayJobs } from "./list-today-jobs";
import { medianFirstResponse } from "./median-first-response";

export type Overview = Awaited<ReturnType<typeof getOverview>>;

// The dashboard's home: today's agenda, the inbox's state, emergencies and this month's messaging numbers,
// all in Buenos Aires days and months. One tenant transaction, so the numbers are one consistent snapshot.
export async function getOverview(tx: TenantTx, input: { organizationId: string; now?: Date }) {
  const now = input.now ?? new Date();
  const period = buenosAiresPeriods(now);
  const customerConversations = { customer: { staffUserId: null } };
  // Sequential on purpose: one transaction is one connection, and Prisma serialises its queries anyway.
  const jobs = await listTodayJobs(tx, period);
  const openConversations = await tx.whatsAppConversation.count({ where: { ...customerConversations, status: "OPEN" } });
  const unreadConversations = await tx.whatsAppConversation.count({ where: { ...customerConversations, unreadCount: { gt: 0 } } });
  const emergencies = await listOpenEmergencies(tx, period);
  const messages = await countMessageStatuses(tx, { organizationId: input.organizationId, since: period.monthStart, now });
  const firstResponse = await medianFirstResponse(tx, { organizationId: input.organizationId, since: period.monthStart });
  return {
    date: period.date,
    monthStart: period.monthStart,
    jobsToday: { total: jobs.items.length, byStatus: jobs.byStatus, items: jobs.items },
    conversations: { open: openConversations, unread: unreadConversations },
    emergencies,
    messagesThisMonth: messages,
    firstResponseThisMonth: firstResponse,
  };
}
