import { z } from "zod";

// A committed change to a job that may owe someone a message or move its reminders. Carries ids and what
// happened; the handler re-reads the job, so a change that was overtaken (scheduled, then cancelled a second later)
// acts on what is true now.
export const jobChangeSchema = z.object({
  organizationId: z.string().min(1),
  jobId: z.string().min(1),
  kind: z.enum(["status", "rescheduled", "reassigned"]),
  from: z.string().optional(),
  to: z.string().optional(),
  // Unique per change (the transition id, or the update time): names the queue job, so a retried request that
  // enqueues the same change twice runs it once.
  key: z.string().min(1).max(100),
  // The customer was already told in the chat (the assistant confirmed the booking): no template on top.
  customerInformed: z.boolean().optional(),
});

export type JobChange = z.infer<typeof jobChangeSchema>;
