import type { Prisma } from "@campotech/database";

export const MESSAGE_VIEW_SELECT = {
  id: true,
  conversationId: true,
  waMessageId: true,
  direction: true,
  type: true,
  content: true,
  status: true,
  errorCode: true,
  errorTitle: true,
  sentByUserId: true,
  contextWaMessageId: true,
  mediaMimeType: true,
  mediaStorageKey: true,
  mediaProviderId: true,
  mediaState: true,
  createdAt: true,
  statusEvents: { select: { status: true, providerTimestamp: true }, orderBy: { providerTimestamp: "asc" } },
} as const satisfies Prisma.WhatsAppMessageSelect;

type Row = Prisma.WhatsAppMessageGetPayload<{ select: typeof MESSAGE_VIEW_SELECT }>;

const MEDIA_TYPES = new Set(["IMAGE", "AUDIO", "VIDEO", "DOCUMENT", "STICKER"]);

export type MessageView = ReturnType<typeof toMessageView>;

const str = (v: unknown) => (typeof v === "string" && v ? v : null);

// What the API shows of a message. `media.url` is the download route once the file is stored (null while it is
// still downloading); type, caption, file name and download state are there from the moment the message is stored,
// so the thread can say what is coming. Outbound media keeps its public link inside `content`.
// `senderNames` maps user ids to names, so a person's reply says who wrote it.
export function toMessageView(row: Row, senderNames: ReadonlyMap<string, string> = new Map()) {
  const content = (row.content ?? {}) as Record<string, unknown>;
  const hasMedia = MEDIA_TYPES.has(row.type) || !!row.mediaStorageKey || !!row.mediaProviderId;
  return {
    id: row.id,
    conversationId: row.conversationId,
    whatsappMessageId: row.waMessageId,
    direction: row.direction,
    type: row.type,
    content: row.content,
    media: hasMedia
      ? {
          url: row.mediaStorageKey ? `/api/whatsapp/messages/${row.id}/media` : null,
          mimeType: row.mediaMimeType,
          // Inbound media only: PENDING while the download runs, FAILED once it gave up (a retry can re-enqueue it).
          state: row.mediaState ?? (row.mediaStorageKey ? "STORED" : null),
          caption: str(content.caption),
          filename: str(content.filename),
        }
      : null,
    status: row.status,
    statusHistory: row.statusEvents.map((e) => ({ status: e.status, at: e.providerTimestamp.toISOString() })),
    error: row.errorCode ? { code: row.errorCode, title: row.errorTitle } : null,
    // The provider id of the message this one replies to (quoted in the thread).
    replyTo: row.contextWaMessageId,
    // Who wrote an outbound message: the assistant, a person (their user id) or the platform (notifications).
    sentBy: (row.direction === "INBOUND" ? null : row.sentByUserId === "assistant" ? "assistant" : row.sentByUserId ? "person" : "system") as "assistant" | "person" | "system" | null,
    // The person's name for a staff reply (null for the assistant, the platform and the customer).
    sentByName: row.direction === "OUTBOUND" && row.sentByUserId && row.sentByUserId !== "assistant" ? (senderNames.get(row.sentByUserId) ?? null) : null,
    createdAt: row.createdAt.toISOString(),
  };
}
