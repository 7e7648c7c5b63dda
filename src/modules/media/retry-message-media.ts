import { withTenant } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { assignedScope, type Viewer } from "../conversations/viewer";
import { publishOrganizationEvents } from "../events/publish-organization-events";
import { FOLLOW_UP_JOBS, safeJobId } from "../inbound/follow-up";
import { enqueue } from "../../workers/enqueue";

export type RetryMessageMediaResult = { messageId: string; conversationId: string; retried: boolean };

// "Reintentar" on an inbound file that could not be downloaded: the message goes back to PENDING and the download
// job runs again under a new job id (the first one, keyed by the provider's media id, already gave up). Only a
// FAILED download is retried: asking again while it is PENDING or once it is STORED changes nothing, so a double
// click never enqueues two downloads.
export async function retryMessageMedia(organizationId: string, viewer: Viewer, messageId: string): Promise<RetryMessageMediaResult> {
  const result = await withTenant(organizationId, async (tx) => {
    const message = await tx.whatsAppMessage.findFirst({
      where: { id: messageId, direction: "INBOUND", conversation: { customer: { staffUserId: null }, ...assignedScope(viewer, "write") } },
      select: { id: true, conversationId: true, mediaState: true },
    });
    if (!message) throw new AppError("NOT_FOUND", { message: "El mensaje no existe." });
    if (!message.mediaState) throw new AppError("VALIDATION_FAILED", { message: "Este mensaje no tiene un archivo para descargar." });
    if (message.mediaState !== "FAILED") return { messageId: message.id, conversationId: message.conversationId, retried: false, round: 0 };
    // The conditional update is the idempotency guard: of two concurrent retries only one moves FAILED → PENDING.
    const moved = await tx.whatsAppMessage.updateMany({ where: { id: message.id, mediaState: "FAILED" }, data: { mediaState: "PENDING", mediaError: null } });
    const round = Date.now();
    return { messageId: message.id, conversationId: message.conversationId, retried: moved.count === 1, round };
  });
  if (result.retried) {
    await enqueue(FOLLOW_UP_JOBS.downloadMedia, { organizationId, messageId: result.messageId }, { jobId: safeJobId("media-retry", result.messageId, String(result.round)) });
    await publishOrganizationEvents([
      { type: "message.updated", organizationId, conversationId: result.conversationId, messageId: result.messageId, fields: { mediaState: "PENDING" }, at: new Date().toISOString() },
    ]);
  }
  return { messageId: result.messageId, conversationId: result.conversationId, retried: result.retried };
}
