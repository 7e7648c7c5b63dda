import { UnrecoverableError } from "bullmq";
import { z } from "zod";
import { publishOrganizationEvents } from "../../modules/events/publish-organization-events";
import { FOLLOW_UP_JOBS } from "../../modules/inbound/follow-up";
import { downloadMessageMedia, MediaDownloadError } from "../../modules/media/download-message-media";
import { defineJob } from "../define-job";

const ATTEMPTS = 6;

// Downloads an inbound message's media into storage. Enqueued with jobId = the provider's media id. Transient
// failures retry with exponential backoff (1 s, 2 s, 4 s, …); the message stays PENDING meanwhile, and FAILED
// after the last attempt or a permanent provider error.
export const mediaDownloadMessageMedia = defineJob({
  name: FOLLOW_UP_JOBS.downloadMedia,
  queue: "media",
  schema: z.object({ organizationId: z.string().min(1), messageId: z.string().min(1) }),
  defaults: { attempts: ATTEMPTS, backoff: { type: "exponential", delay: 1_000 } },
  async handler(payload, ctx) {
    try {
      const result = await downloadMessageMedia(payload, { attempt: ctx.attempt, maxAttempts: ATTEMPTS });
      await publishOrganizationEvents(result.events);
      return { outcome: result.outcome };
    } catch (error) {
      if (error instanceof MediaDownloadError && error.permanent) throw new UnrecoverableError(error.message);
      throw error;
    }
  },
});
