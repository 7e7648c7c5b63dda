import { Prisma } from "@campotech/database";
import type { TenantTx } from "../../lib/db";
import type { MediaStorage } from "../media/media-storage";

export type PurgeReason = "retention" | "erasure";

const PURGED_PREVIEW: Record<PurgeReason, string> = {
  retention: "[Mensaje eliminado por antigüedad]",
  erasure: "[Mensaje eliminado a pedido del cliente]",
};

// One batch of messages loses its body, media and provider payloads; the row keeps direction, type, status and
// timestamps (the thread still shows that something was said, and delivery bookkeeping stays consistent). The stored
// file goes first: if the transaction then fails, the next run finds the row again and removing a missing file is a
// no-op. Returns how many messages and files went; 0 messages means nothing is left to do.
export async function purgeMessageBatch(
  tx: TenantTx,
  storage: MediaStorage,
  input: { where: Prisma.WhatsAppMessageWhereInput; limit: number; reason: PurgeReason; now: Date },
): Promise<{ messages: number; mediaFiles: number }> {
  const rows = await tx.whatsAppMessage.findMany({
    where: { ...input.where, purgedAt: null },
    select: { id: true, mediaStorageKey: true },
    orderBy: { createdAt: "asc" },
    take: input.limit,
  });
  if (!rows.length) return { messages: 0, mediaFiles: 0 };
  const keys = rows.flatMap((r) => (r.mediaStorageKey ? [r.mediaStorageKey] : []));
  for (const key of keys) await storage.remove(key);
  await tx.whatsAppMessage.updateMany({
    where: { id: { in: rows.map((r) => r.id) } },
    data: {
      content: { preview: PURGED_PREVIEW[input.reason], purged: true },
      context: Prisma.DbNull, referral: Prisma.DbNull, errors: Prisma.DbNull,
      mediaUrl: null, mediaStorageKey: null, mediaProviderId: null, mediaSha256: null, mediaError: null,
      purgedAt: input.now,
    },
  });
  return { messages: rows.length, mediaFiles: keys.length };
}
