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
// no-op. Returns how many messages and files went (`selected`: how many the batch looked at; 0 means nothing is left).
// issue 22 (workers3): two passes at once (the nightly job and a CLI run, or the job handed to a second worker) may
// select the same rows; the batch is locked and re-checked (FOR UPDATE re-reads a row another pass just purged), so
// each message is purged and counted by one pass only.
export async function purgeMessageBatch(
  tx: TenantTx,
  storage: MediaStorage,
  input: { where: Prisma.WhatsAppMessageWhereInput; limit: number; reason: PurgeReason; now: Date },
): Promise<{ messages: number; mediaFiles: number; selected: number }> {
  const candidates = await tx.whatsAppMessage.findMany({
    where: { ...input.where, purgedAt: null },
    select: { id: true },
    orderBy: { createdAt: "asc" },
    take: input.limit,
  });
  if (!candidates.length) return { messages: 0, mediaFiles: 0, selected: 0 };
  const rows = await tx.$queryRaw<{ id: string; mediaStorageKey: string | null }[]>`
    SELECT "id", "mediaStorageKey" FROM "WhatsAppMessage"
    WHERE "id" = ANY(${candidates.map((r) => r.id)}::text[]) AND "purgedAt" IS NULL FOR UPDATE`;
  const keys = rows.flatMap((r) => (r.mediaStorageKey ? [r.mediaStorageKey] : []));
  for (const key of keys) await storage.remove(key);
  if (rows.length) {
    await tx.whatsAppMessage.updateMany({
      where: { id: { in: rows.map((r) => r.id) } },
      data: {
        content: { preview: PURGED_PREVIEW[input.reason], purged: true },
        context: Prisma.DbNull, referral: Prisma.DbNull, errors: Prisma.DbNull,
        mediaUrl: null, mediaStorageKey: null, mediaProviderId: null, mediaSha256: null, mediaError: null,
        purgedAt: input.now,
      },
    });
  }
  return { messages: rows.length, mediaFiles: keys.length, selected: candidates.length };
}
