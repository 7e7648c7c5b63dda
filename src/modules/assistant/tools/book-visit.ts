import { z } from "zod";
import { withTenant } from "../../../lib/db";
import { formatTimeAr } from "../../messaging/format-ar";
import type { OrganizationEvent } from "../../events/organization-event";
import { createJob } from "../../jobs/create-job";
import { assistantActor } from "../../jobs/job-actor";
import { publishJobChanges } from "../../jobs/publish-job-changes";
import { transitionJob } from "../../jobs/transition-job";
import { updateJob } from "../../jobs/update-job";
import type { JobChange } from "../../notifications/job-change.schemas";
import { getAvailability } from "../../scheduling/get-availability";
import { localDateOf, zonedTimeToUtc } from "../../../lib/time";
import { defineTool } from "./assistant-tool";
import { slotLabel, VISIT_MINUTES } from "./find-slots";
import { upsertLead } from "./upsert-lead";

const SERVICE_TYPES = ["PLUMBING", "GAS", "ELECTRICAL", "HVAC", "DRAINAGE", "GENERAL"] as const;

// Books one of the slots just offered (find_slots): a new job scheduled with that technician, or — when the
// customer is moving an existing visit — the same job moved. The slot is re-checked under a per-technician lock
// inside the transaction, so two customers answering "la primera" at once cannot both get it.
export const bookVisitTool = defineTool({
  name: "create_job",
  description: "Agenda la visita en uno de los turnos que ofreciste con find_slots (slotIndex empieza en 0). Si el cliente estaba reprogramando, mueve su visita existente. Devuelve el trabajo agendado o, si el turno ya se ocupó, booked=false.",
  parameters: {
    type: "object",
    properties: {
      slotIndex: { type: "integer", description: "índice del turno elegido entre los ofrecidos (0, 1 o 2)" },
      description: { type: "string", description: "qué hay que hacer, en una frase" },
      serviceType: { type: "string", enum: [...SERVICE_TYPES] },
    },
    required: ["slotIndex"],
    additionalProperties: false,
  },
  input: z.object({ slotIndex: z.number().int().min(0).max(5), description: z.string().max(1000).optional(), serviceType: z.enum(SERVICE_TYPES).optional() }),
  async run(ctx, input) {
    const slot = ctx.state.offeredSlots[input.slotIndex];
    if (!slot) return { booked: false as const, reason: "no hay un turno ofrecido con ese índice" };
    const actor = assistantActor(ctx.organizationId);
    const serviceType = input.serviceType ?? SERVICE_TYPES.find((t) => t === ctx.state.service?.serviceType) ?? "GENERAL";
    const result = await withTenant(ctx.organizationId, async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(7303, hashtext(${slot.technicianId}))`;
      const day = localDateOf(slot.start);
      const { technicians } = await getAvailability(tx, { from: zonedTimeToUtc(day, "00:00"), days: 1, technicianId: slot.technicianId, slotMinutes: VISIT_MINUTES, now: ctx.now });
      const stillFree = technicians[0]?.slots.some((s) => s.start.getTime() === slot.start.getTime());
      if (!stillFree && !ctx.state.jobId) return null;
      let jobId: string;
      let number: number;
      let changes: JobChange[];
      let events: OrganizationEvent[] = [];
      if (ctx.state.jobId) {
        const moved = await updateJob(tx, actor, ctx.state.jobId, { scheduledStart: slot.start, scheduledEnd: slot.end, technicianId: slot.technicianId });
        ({ id: jobId, number } = moved.job);
        changes = moved.changes;
        events = moved.events;
      } else {
        const customer = await tx.customer.findFirstOrThrow({ where: { id: ctx.customerId }, select: { address: true } });
        const created = await createJob(tx, actor, {
          customerId: ctx.customerId, address: customer.address ?? "A confirmar con el cliente", serviceType,
          description: input.description ?? ctx.state.description ?? ctx.state.service?.name ?? "Pedido por WhatsApp", urgency: ctx.state.urgency ?? "NORMAL",
        });
        const scheduled = await transitionJob(tx, actor, created.job.id, {
          to: "scheduled", scheduledStart: slot.start, scheduledEnd: slot.end, technicianId: slot.technicianId, note: "Agendado por el asistente de WhatsApp",
        });
        ({ id: jobId, number } = created.job);
        changes = scheduled.changes;
        events = [...created.events, ...scheduled.events];
      }
      const technician = await tx.user.findFirstOrThrow({ where: { id: slot.technicianId }, select: { name: true } });
      const lead = await upsertLead(tx, {
        organizationId: ctx.organizationId, customerId: ctx.customerId, conversationId: ctx.conversationId, status: "SCHEDULED", jobId,
        summary: ctx.state.description ?? ctx.state.service?.name ?? "Visita agendada por WhatsApp", serviceType,
      });
      return { jobId, number, technicianName: technician.name, changes, events: [...events, lead.event] };
    });
    if (!result) return { booked: false as const, reason: "ese turno ya se ocupó" };
    await publishJobChanges({ events: result.events, changes: result.changes.map((c) => ({ ...c, customerInformed: true })) });
    const rescheduled = Boolean(ctx.state.jobId);
    ctx.state.awaiting = undefined;
    ctx.state.offeredSlots = [];
    ctx.state.jobId = undefined;
    return {
      booked: true as const, rescheduled, jobId: result.jobId, number: result.number, technicianName: result.technicianName,
      start: slot.start, end: slot.end, label: slotLabel(slot.start, slot.end), arrivalWindow: `${formatTimeAr(slot.start)} a ${formatTimeAr(slot.end)}`,
    };
  },
});
