import { withTenant } from "../../lib/db";
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

// What the customer's "seguí a tu técnico" link shows. The signed token is the only credential, so the view carries
// nothing personal beyond what the customer already knows (no address, no phone numbers, no prices).
export async function getJobTracking(token: string): Promise<JobTrackingView | null> {
  const claims = verifyTrackingToken(token);
  if (!claims) return null;
  return withTenant(claims.organizationId, async (tx) => {
    const job = await tx.job.findFirst({
      where: { id: claims.jobId },
      select: {
        number: true, status: true, serviceType: true, scheduledStart: true, scheduledEnd: true,
        technician: { select: { name: true } },
        organization: { select: { name: true } },
        transitions: { select: { to: true, at: true }, orderBy: { at: "asc" } },
      },
    });
    if (!job) return null;
    return {
      organizationName: job.organization.name,
      number: job.number,
      status: job.status,
      serviceType: job.serviceType,
      scheduledStart: job.scheduledStart,
      scheduledEnd: job.scheduledEnd,
      technicianFirstName: job.technician?.name.trim().split(/\s+/)[0] ?? null,
      steps: job.transitions.map((t) => ({ status: t.to, at: t.at })),
    };
  });
}
