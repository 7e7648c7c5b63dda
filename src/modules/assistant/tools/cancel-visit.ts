import { z } from "zod";
import { withTenant } from "../../../lib/db";
import { assistantActor } from "../../jobs/job-actor";
import { publishJobChanges } from "../../jobs/publish-job-changes";
import { transitionJob } from "../../jobs/transition-job";
import { defineTool } from "./assistant-tool";

// Cancels one of the customer's visits (the one named, the one the conversation is about, or the next one) once
// they confirmed. Visits already under way are not cancelled here (a person handles those). The job rules then
// remove its reminders and tell the technician.
export const cancelVisitTool = defineTool({
  name: "cancel_job",
  description: "Cancela una visita agendada del cliente (solo después de que el cliente confirmó que quiere cancelarla): la indicada en jobId (de get_job_status) o, si no, la próxima. No cancela visitas en curso.",
  parameters: { type: "object", properties: { reason: { type: "string" }, jobId: { type: "string", description: "id de la visita a cancelar, si tiene varias" } }, additionalProperties: false },
  input: z.object({ reason: z.string().max(300).optional(), jobId: z.string().max(60).optional() }),
  async run(ctx, input) {
    const jobId = input.jobId ?? ctx.state.targetJobId;
    const result = await withTenant(ctx.organizationId, async (tx) => {
      const job = await tx.job.findFirst({
        where: { customerId: ctx.customerId, status: { in: ["pending", "scheduled"] }, ...(jobId ? { id: jobId } : {}) },
        orderBy: [{ scheduledStart: { sort: "asc", nulls: "last" } }],
        select: { id: true, number: true },
      });
      if (!job) return null;
      const moved = await transitionJob(tx, assistantActor(ctx.organizationId), job.id, { to: "cancelled", note: `Cancelado por el cliente por WhatsApp${input.reason ? `: ${input.reason}` : ""}` });
      return { job, moved };
    });
    ctx.state.awaiting = undefined;
    ctx.state.jobId = undefined;
    ctx.state.targetJobId = undefined;
    if (!result) return { cancelled: false as const };
    await publishJobChanges(result.moved);
    return { cancelled: true as const, number: result.job.number };
  },
});
