import { withTenant } from "../../lib/db";
import { env } from "../../lib/env";
import { verifyTrackingToken } from "../notifications/tracking-link";
import type { JobState } from "./job-state-machine";

export type JobTrackingView = {
  organizationName: string;
  number: number;
  status: JobState;
  serviceType: string;
  scheduledStart: Date | null;
  scheduledEnd: Date | null;
  // First name only: the customer needs to know who rings the bell, not the technician's full identity.
  technicianFirstName: string | null;
  steps: { status: JobState; at: Date }[];
};

export type JobTrackingResult = { kind: "ok"; view: JobTrackingView } | { kind: "expired" } | { kind: "not_found" };

const ENDED = new Set<JobState>(["completed", "cancelled"]);

// What the customer's "seguí a tu técnico" link shows. The signed token is the only credential, so the view carries
// nothing personal beyond what the customer already knows (no address, no phone numbers, no prices), and the link
// expires a grace period after the visit ended: a forwarded or leaked link does not work forever.
export async function getJobTracking(
  token: string,
  options: { now?: Date; graceHours?: number } = {},
): Promise<JobTrackingResult> {
  const claims = verifyTrackingToken(token);
  if (!claims) return { kind: "not_found" };
  const now = options.now ?? new Date();
  const graceMs = (options.graceHours ?? env.TRACKING_LINK_GRACE_HOURS) * 3600_000;
  return withTenant(claims.organizationId, async (tx): Promise<JobTrackingResult> => {
    const job = await tx.job.findFirst({
      where: { id: claims.jobId },
      select: {
        number: true, status: true, serviceType: true, scheduledStart: true, scheduledEnd: true, updatedAt: true,
        technician: { select: { name: true } },
        organization: { select: { name: true } },
        transitions: { select: { to: true, at: true }, orderBy: { at: "asc" } },
      },
    });
    if (!job) return { kind: "not_found" };
    if (ENDED.has(job.status)) {
      const endedAt = job.transitions.findLast((t) => t.to === job.status)?.at ?? job.updatedAt;
      if (endedAt.getTime() + graceMs <= now.getTime()) return { kind: "expired" };
    }
    const view: JobTrackingView = {
      organizationName: job.organization.name,
      number: job.number,
      status: job.status,
      serviceType: job.serviceType,
      scheduledStart: job.scheduledStart,
      scheduledEnd: job.scheduledEnd,
      technicianFirstName: job.technician?.name.trim().split(/\s+/)[0] ?? null,
      steps: job.transitions.map((t) => ({ status: t.to, at: t.at })),
    };
    return { kind: "ok", view };
  });
}
