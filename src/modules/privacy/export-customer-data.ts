import type { TenantTx } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { appendAuditLog } from "../audit/append-audit-log";
import type { PrivacyActor } from "./privacy-actor";

// Everything CampoTech holds about one customer (Ley 25.326, art. 14: right of access), as plain data. The same
// object is downloaded as JSON and rendered as a printable page (render-customer-export-html.ts).
export async function exportCustomerData(tx: TenantTx, input: { organizationId: string; customerId: string; actor: PrivacyActor; now?: Date }) {
  const { organizationId, customerId } = input;
  const customer = await tx.customer.findFirst({ where: { id: customerId, staffUserId: null } });
  if (!customer) throw new AppError("NOT_FOUND", { message: "No encontramos ese cliente." });
  const organization = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { name: true, cuit: true } });
  const [addresses, conversations, jobs, leads, invoices, paymentLinks, payments] = await Promise.all([
    tx.customerAddress.findMany({ where: { customerId }, orderBy: { createdAt: "asc" } }),
    tx.whatsAppConversation.findMany({
      where: { customerId },
      select: {
        id: true, status: true, createdAt: true, lastMessageAt: true, deletedAt: true,
        messages: {
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          select: { id: true, direction: true, type: true, content: true, status: true, mediaMimeType: true, mediaSize: true, createdAt: true, purgedAt: true },
        },
      },
    }),
    tx.job.findMany({ where: { customerId }, orderBy: { number: "asc" }, include: { lineItems: { orderBy: { position: "asc" } }, transitions: { orderBy: { at: "asc" } } } }),
    tx.lead.findMany({ where: { customerId }, orderBy: { createdAt: "asc" } }),
    tx.invoice.findMany({ where: { customerId }, orderBy: { createdAt: "asc" }, include: { lines: true } }),
    tx.paymentLink.findMany({ where: { customerId }, orderBy: { createdAt: "asc" } }),
    tx.payment.findMany({ where: { customerId }, orderBy: { createdAt: "asc" }, omit: { raw: true } }),
  ]);
  const jobIds = jobs.map((j) => j.id);
  const positions = jobIds.length
    ? await tx.technicianPosition.findMany({ where: { jobId: { in: jobIds } }, orderBy: { recordedAt: "asc" }, select: { jobId: true, latitude: true, longitude: true, recordedAt: true } })
    : [];
  const about = [customerId, ...jobIds, ...invoices.map((i) => i.id), ...conversations.map((c) => c.id), ...leads.map((l) => l.id)];
  const auditEntries = await tx.auditLog.findMany({
    where: { entityId: { in: about } },
    orderBy: [{ createdAt: "asc" }, { seq: "asc" }],
    select: { seq: true, actorType: true, action: true, entityType: true, entityId: true, metadata: true, createdAt: true },
  });
  await appendAuditLog(tx, {
    organizationId, actorType: input.actor.type, actorId: input.actor.id, action: "customer.data_exported", entityType: "customer", entityId: customerId,
    metadata: { conversations: conversations.length, jobs: jobs.length, invoices: invoices.length },
  });
  return {
    generatedAt: (input.now ?? new Date()).toISOString(),
    organization,
    customer,
    addresses,
    conversations,
    jobs,
    positions,
    leads,
    invoices,
    paymentLinks,
    payments,
    auditEntries,
  };
}

export type CustomerDataExport = Awaited<ReturnType<typeof exportCustomerData>>;
