import { z } from "zod";
import { withTenant } from "../../../lib/db";
import { trackingLink } from "../../notifications/tracking-link";
import { defineTool } from "./assistant-tool";
import { slotLabel } from "./find-slots";

// The customer's current visit ("¿ya viene el técnico?"): the next active job, with the tracking link once the
// technician is on the way, and every active visit (a customer with several is asked which one they mean).
export const getJobStatusTool = defineTool({
  name: "get_job_status",
  description: "Consulta la próxima visita activa del cliente (estado, día y hora, técnico; link de seguimiento si el técnico ya está en camino) y la lista de todas sus visitas activas (active) con su jobId.",
  parameters: { type: "object", properties: {}, additionalProperties: false },
  input: z.object({}),
  async run(ctx) {
    const jobs = await withTenant(ctx.organizationId, (tx) =>
      tx.job.findMany({
        where: { customerId: ctx.customerId, status: { in: ["pending", "scheduled", "en_camino", "working"] } },
        orderBy: [{ scheduledStart: { sort: "asc", nulls: "last" } }, { createdAt: "desc" }],
        select: { id: true, number: true, status: true, scheduledStart: true, scheduledEnd: true, technician: { select: { name: true } } },
        take: 10,
      }),
    );
    const job = jobs[0];
    if (!job) return { found: false as const, active: [] };
    return {
      active: jobs.map((j) => ({
        jobId: j.id, number: j.number, status: j.status, technicianName: j.technician?.name ?? null, start: j.scheduledStart,
        label: j.scheduledStart && j.scheduledEnd ? slotLabel(j.scheduledStart, j.scheduledEnd) : null,
      })),
      found: true as const, jobId: job.id, number: job.number, status: job.status, technicianName: job.technician?.name ?? null,
      label: job.scheduledStart && job.scheduledEnd ? slotLabel(job.scheduledStart, job.scheduledEnd) : null,
      trackingUrl: job.status === "en_camino" ? trackingLink(ctx.organizationId, job.id) : null,
    };
  },
});
