import { withTenant } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { logger } from "../../lib/logger";
import { formatDateAr, formatTimeAr } from "../messaging/format-ar";
import { cancelJobReminders } from "./cancel-job-reminders";
import type { JobChange } from "./job-change.schemas";
import { notifyCustomer } from "./notify-customer";
import { notifyStaff, type NotifyStaffDeps } from "./notify-staff";
import { scheduleJobReminders } from "./schedule-job-reminders";

export type JobChangeEffect = { effect: string; status: "done" | "skipped"; detail?: string };

type JobFacts = NonNullable<Awaited<ReturnType<typeof readJob>>>;

function readJob(change: JobChange) {
  return withTenant(change.organizationId, (tx) =>
    tx.job.findFirst({
      where: { id: change.jobId },
      select: {
        id: true, number: true, status: true, urgency: true, customerId: true, scheduledStart: true, technicianId: true,
        technician: { select: { name: true } },
      },
    }),
  );
}

// The job rules: scheduling (or moving) a job confirms it to the customer, (re)arms the 24 h / 1 h / 30 min
// reminders and tells the technician; "en camino" sends the tracking link; completing thanks the customer;
// finishing or cancelling removes the reminders. Each effect is idempotent on its own key, so the whole handler
// can retry after a crash midway. Business refusals (opted out, no template, plan limit) are recorded, not retried.
export async function handleJobChange(change: JobChange, deps: NotifyStaffDeps = {}): Promise<JobChangeEffect[]> {
  const job = await readJob(change);
  if (!job) return [{ effect: "none", status: "skipped", detail: "el trabajo ya no existe" }];
  const effects: JobChangeEffect[] = [];
  const run = async (effect: string, fn: () => Promise<unknown>) => {
    try {
      await fn();
      effects.push({ effect, status: "done" });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      logger.warn({ jobId: job.id, effect, code: error.code }, "job notification refused");
      effects.push({ effect, status: "skipped", detail: error.message });
    }
  };

  if (job.status === "completed" || job.status === "cancelled" || job.status === "en_camino" || job.status === "working") {
    await run("cancel_reminders", () => cancelJobReminders(job.id));
  }
  const now = deps.now;
  const ctx = { jobId: job.id, technicianName: job.technician?.name };
  if (change.kind === "status" && change.to !== job.status) return [...effects, { effect: "none", status: "skipped", detail: `el trabajo ya está ${job.status}` }];

  if (job.status === "scheduled" && job.scheduledStart && job.technician) {
    await scheduledEffects(job, change, run, deps);
  } else if (job.status === "en_camino") {
    await run("customer_on_the_way", () => notifyCustomer({ event: "technician_on_the_way", organizationId: change.organizationId, customerId: job.customerId, urgency: job.urgency, context: ctx }, { ...(now ? { now } : {}) }));
  } else if (job.status === "completed") {
    await run("customer_completed", () => notifyCustomer({ event: "job_completed", organizationId: change.organizationId, customerId: job.customerId, context: ctx }, { ...(now ? { now } : {}) }));
  } else if (job.status === "cancelled" && job.technicianId) {
    await run("technician_cancelled", () =>
      notifyStaff({
        organizationId: change.organizationId, userIds: [job.technicianId!], urgency: job.urgency, dedupeKey: `job-cancelled-${job.id}`,
        message: { title: `Trabajo #${job.number} cancelado`, body: `El trabajo #${job.number} se canceló; ya no está en tu agenda.`, data: { jobId: job.id } },
      }, deps),
    );
  }
  return effects;
}

async function scheduledEffects(job: JobFacts, change: JobChange, run: (effect: string, fn: () => Promise<unknown>) => Promise<void>, deps: NotifyStaffDeps) {
  const now = deps.now;
  const start = job.scheduledStart!;
  const technicianName = job.technician!.name;
  const when = `${formatDateAr(start)} a las ${formatTimeAr(start)}`;
  await run("reminders", () =>
    scheduleJobReminders({ job: { id: job.id, organizationId: change.organizationId, customerId: job.customerId, scheduledStart: start, technicianName, urgency: job.urgency, status: job.status } }, { ...(now ? { now } : {}) }),
  );
  // A technician swap keeps the customer's appointment: only the new technician hears about it.
  if (change.kind !== "reassigned" && !change.customerInformed) {
    await run("customer_scheduled", () =>
      notifyCustomer({ event: "job_scheduled", organizationId: change.organizationId, customerId: job.customerId, urgency: job.urgency, context: { jobId: job.id, jobStart: start, technicianName } }, { ...(now ? { now } : {}) }),
    );
  }
  await run("technician_assigned", () =>
    notifyStaff({
      organizationId: change.organizationId, userIds: [job.technicianId!], urgency: job.urgency, dedupeKey: `job-assigned-${job.id}-${start.getTime()}-${job.technicianId}`,
      message: { title: `Trabajo #${job.number} agendado`, body: `Tenés el trabajo #${job.number} el ${when}.`, data: { jobId: job.id } },
    }, deps),
  );
}
