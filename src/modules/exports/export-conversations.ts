import type { ConversationStatus, Prisma } from "@campotech/database";
import { formatDateClockAr } from "../../lib/clock-format";
import { formatPhoneForPeople } from "../../lib/phone";
import { cursorArgs, type CsvExport } from "./csv-export";
import type { DateRange } from "./export-filter";

// As the inbox filters by status and assignee; the date range is on the last message (the inbox's order).
export type ConversationsExportFilter = DateRange & { status?: ConversationStatus; assignedTo?: string | "none" };

const STATUS: Record<ConversationStatus, string> = { OPEN: "Abierta", PENDING: "En espera", CLOSED: "Cerrada" };

const select = {
  id: true, status: true, unreadCount: true, lastMessageAt: true, lastInboundAt: true, createdAt: true,
  customer: { select: { name: true, phone: true } },
  assignedTo: { select: { name: true } },
  _count: { select: { messages: true } },
} as const satisfies Prisma.WhatsAppConversationSelect;
type Row = Prisma.WhatsAppConversationGetPayload<{ select: typeof select }>;

export const conversationsExport: CsvExport<ConversationsExportFilter, Row> = {
  kind: "conversations",
  filename: "conversaciones",
  header: ["Cliente", "Teléfono", "Estado", "Asignada a", "Mensajes", "Sin leer", "Último mensaje", "Último mensaje del cliente", "Creada"],
  readBatch: (tx, filter, afterId, take) =>
    tx.whatsAppConversation.findMany({
      where: {
        customer: { staffUserId: null },
        deletedAt: null,
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.assignedTo ? { assignedToId: filter.assignedTo === "none" ? null : filter.assignedTo } : {}),
        ...(filter.from || filter.to ? { lastMessageAt: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } } : {}),
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take,
      ...cursorArgs(afterId),
      select,
    }),
  idOf: (row) => row.id,
  cells: (c) => [
    c.customer.name,
    formatPhoneForPeople(c.customer.phone),
    STATUS[c.status],
    c.assignedTo?.name ?? "",
    c._count.messages,
    c.unreadCount,
    c.lastMessageAt ? formatDateClockAr(c.lastMessageAt) : "",
    c.lastInboundAt ? formatDateClockAr(c.lastInboundAt) : "",
    formatDateClockAr(c.createdAt),
  ],
};
