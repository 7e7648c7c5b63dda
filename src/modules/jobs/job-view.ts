import type { Prisma } from "@campotech/database";

export const JOB_SELECT = {
  id: true,
  number: true,
  customerId: true,
  address: true,
  serviceType: true,
  description: true,
  notes: true,
  urgency: true,
  status: true,
  scheduledStart: true,
  scheduledEnd: true,
  technicianId: true,
  createdById: true,
  createdAt: true,
  updatedAt: true,
  paidCents: true,
  paidAt: true,
  // issue 19 (team): set when the assigned technician was deactivated with this job ahead; cleared on reassignment.
  needsReassignment: true,
} satisfies Prisma.JobSelect;

export type JobView = Prisma.JobGetPayload<{ select: typeof JOB_SELECT }>;
