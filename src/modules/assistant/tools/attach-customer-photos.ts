import { z } from "zod";
import { withTenant } from "../../../lib/db";
import { defineTool } from "./assistant-tool";

const PHOTO_TYPES = ["image/jpeg", "image/png", "image/webp"];

// Photos the customer sent after the assistant asked for one (state.photo): each stored inbound image becomes a
// PHOTO attachment of the booked job, pointing at the bytes the media pipeline already stored (no copy). Images
// still downloading are counted, not attached: the office sees them in the chat. Offline engine only: the model
// is not offered it (it cannot see images).
export const attachCustomerPhotosTool = defineTool({
  name: "attach_customer_photos",
  description: "Adjunta al trabajo agendado las fotos que el cliente mandó después de que se las pedimos.",
  parameters: { type: "object", properties: {}, additionalProperties: false },
  input: z.object({}),
  async run(ctx) {
    const photo = ctx.state.photo;
    if (!photo) return { attached: 0, pending: 0 };
    return withTenant(ctx.organizationId, async (tx) => {
      const images = await tx.whatsAppMessage.findMany({
        where: { conversationId: ctx.conversationId, direction: "INBOUND", type: "IMAGE", createdAt: { gte: photo.askedAt } },
        select: { id: true, mediaState: true, mediaStorageKey: true, mediaMimeType: true, mediaSize: true, mediaSha256: true, createdAt: true },
        orderBy: { createdAt: "asc" },
      });
      const stored = images.filter((m) => m.mediaState === "STORED" && m.mediaStorageKey && PHOTO_TYPES.includes(m.mediaMimeType ?? ""));
      const already = new Set((await tx.jobAttachment.findMany({ where: { jobId: photo.jobId, storageKey: { in: stored.map((m) => m.mediaStorageKey!) } }, select: { storageKey: true } })).map((a) => a.storageKey));
      const fresh = stored.filter((m) => !already.has(m.mediaStorageKey!));
      if (fresh.length) {
        await tx.jobAttachment.createMany({
          data: fresh.map((m) => ({
            organizationId: ctx.organizationId, jobId: photo.jobId, kind: "PHOTO" as const, storageKey: m.mediaStorageKey!, mimeType: m.mediaMimeType!,
            size: m.mediaSize ?? 0, sha256: m.mediaSha256 ?? null, uploadedById: null,
          })),
        });
      }
      const unthanked = images.filter((m) => m.mediaState === "PENDING" && (!photo.thankedAt || m.createdAt > photo.thankedAt));
      return { attached: fresh.length, pending: unthanked.length, jobNumber: photo.number, total: already.size + fresh.length };
    });
  },
});
