import { z } from "zod";
import { withTenant, type TenantTx } from "../../../lib/db";
import { formatTimeAr } from "../../messaging/format-ar";
import { addCustomerAddress } from "../../customers/add-customer-address";
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
import { handoffTool } from "./handoff";
import { slotLabel, VISIT_MINUTES } from "./find-slots";
import { upsertLead } from "./upsert-lead";

const SERVICE_TYPES = ["PLUMBING", "GAS", "ELECTRICAL", "HVAC", "DRAINAGE", "GENERAL"] as const;

const addressInput = z.object({
  street: z.string().trim().min(3).max(200),
  floorApartment: z.string().trim().max(60).nullish(),
  locality: z.string().trim().max(120).nullish(),
  references: z.string().trim().max(200).nullish(),
});
export type BookingAddress = z.output<typeof addressInput>;

// Books one of the slots just offered (find_slots): a new job scheduled with that technician at the address the
// customer gave or confirmed (kept in their address book too), or — when the customer is moving an existing
// visit — the same job moved. The slot is re-checked under a per-technician lock inside the transaction, so two
// customers answering "la primera" at once cannot both get it; a visit being moved does not block its own old
// time, any other job does. A new visit without an address is refused: technicians need to know where to go.
export const bookVisitTool = defineTool({
  name: "create_job",
  description: "Agenda la visita en uno de los turnos que ofreciste con find_slots (slotIndex empieza en 0). Si el cliente estaba reprogramando, mueve su visita existente. Devuelve el trabajo agendado o, si el turno ya se ocupó, booked=false.",
  parameters: {
    type: "object",
    properties: {
      slotIndex: { type: "integer", description: "índice del turno elegido entre los ofrecidos (0, 1 o 2)" },
      description: { type: "string", description: "qué hay que hacer, en una frase" },
      serviceType: { type: "string", enum: [...SERVICE_TYPES] },
      address: {
        type: "object",
        description: "dónde es la visita (confirmada con el cliente); si no la pasás se usa la dirección guardada del cliente",
        properties: {
          street: { type: "string", description: "calle y número, ej. Av. San Martín 1234" },
          floorApartment: { type: "string", description: "piso y departamento, si hay" },
          locality: { type: "string", description: "barrio o localidad" },
          references: { type: "string", description: "referencias: entre calles, timbre, portón" },
        },
        required: ["street"],
        additionalProperties: false,
      },
    },
    required: ["slotIndex"],
    additionalProperties: false,
  },
  input: z.object({ slotIndex: z.number().int().min(0).max(5), description: z.string().max(1000).optional(), serviceType: z.enum(SERVICE_TYPES).optional(), address: addressInput.optional() }),
  async run(ctx, input) {
    const slot = ctx.state.offeredSlots[input.slotIndex];
    if (!slot) return { booked: false as const, reason: "no hay un turno ofrecido con ese índice" };
    // Plans without autoJobCreation: the assistant does not book; the office gets the chosen slot and confirms it.
    if (!ctx.features.autoJobCreation) {
      const label = slotLabel(slot.start, slot.end);
      await handoffTool.run(ctx, { reason: `Quiere agendar una visita el ${label}; hay que confirmarle el turno` });
      ctx.state.offeredSlots = [];
      ctx.state.chosenSlot = undefined;
      return { booked: false as const, handedOff: true as const, label, reason: "el plan no agenda visitas solo: la oficina confirma el turno; decile al cliente que una persona le escribe para confirmarlo" };
    }
    const movingJobId = ctx.state.jobId;
    const actor = assistantActor(ctx.organizationId);
    const serviceType = input.serviceType ?? SERVICE_TYPES.find((t) => t === ctx.state.service?.serviceType) ?? "GENERAL";
    const result = await withTenant(ctx.organizationId, async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(7303, hashtext(${slot.technicianId}))`;
      const day = localDateOf(slot.start);
      const { technicians } = await getAvailability(tx, {
        from: zonedTimeToUtc(day, "00:00"), days: 1, technicianId: slot.technicianId, slotMinutes: VISIT_MINUTES, now: ctx.now, ...(movingJobId ? { excludeJobId: movingJobId } : {}),
      });
      const stillFree = technicians[0]?.slots.some((s) => s.start.getTime() === slot.start.getTime());
      if (!stillFree) return { refused: "taken" as const };
      let jobId: string;
      let number: number;
      let changes: JobChange[];
      let events: OrganizationEvent[] = [];
      let address: string | null = null;
      if (movingJobId) {
        const moved = await updateJob(tx, actor, movingJobId, { scheduledStart: slot.start, scheduledEnd: slot.end, technicianId: slot.technicianId });
        ({ id: jobId, number } = moved.job);
        changes = moved.changes;
        events = moved.events;
      } else {
        address = await visitAddress(tx, ctx, input.address);
        if (!address) return { refused: "no_address" as const };
        const created = await createJob(tx, actor, {
          customerId: ctx.customerId, address, serviceType,
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
      return { jobId, number, address, technicianName: technician.name, changes, events: [...events, lead.event] };
    });
    if ("refused" in result) {
      return result.refused === "taken"
        ? { booked: false as const, reason: "ese turno ya se ocupó" }
        : { booked: false as const, reason: "falta la dirección: pedile al cliente calle y número, barrio o localidad (y piso/depto si hay) y pasala en address" };
    }
    await publishJobChanges({ events: result.events, changes: result.changes.map((c) => ({ ...c, customerInformed: true })) });
    const rescheduled = Boolean(movingJobId);
    ctx.state.awaiting = undefined;
    ctx.state.offeredSlots = [];
    ctx.state.jobId = undefined;
    ctx.state.chosenSlot = undefined;
    ctx.state.address = undefined;
    return {
      booked: true as const, rescheduled, jobId: result.jobId, number: result.number, technicianName: result.technicianName, address: result.address,
      start: slot.start, end: slot.end, label: slotLabel(slot.start, slot.end), arrivalWindow: `${formatTimeAr(slot.start)} a ${formatTimeAr(slot.end)}`,
    };
  },
});

// Where a new visit is: the address the customer just gave (added to their address book, the first one becoming the
// default that Customer.address mirrors), or the one on file (an address typed before the address book existed is
// moved into it). The job keeps one line: Job has no floor or references columns, so they travel in the text.
async function visitAddress(tx: TenantTx, ctx: { organizationId: string; customerId: string }, given: BookingAddress | undefined): Promise<string | null> {
  let fields = given;
  if (!fields) {
    const onFile = await tx.customerAddress.findFirst({
      where: { customerId: ctx.customerId }, orderBy: [{ isDefault: "desc" }, { createdAt: "asc" }],
      select: { street: true, floorApartment: true, locality: true, references: true },
    });
    if (onFile) return jobAddressLine(onFile);
    const customer = await tx.customer.findFirstOrThrow({ where: { id: ctx.customerId }, select: { address: true, city: true } });
    if (!customer.address?.trim()) return null;
    fields = { street: customer.address.trim(), locality: customer.city };
  }
  await addCustomerAddress(tx, {
    organizationId: ctx.organizationId, customerId: ctx.customerId, actorId: "assistant", actorType: "SYSTEM",
    address: { street: fields.street, floorApartment: fields.floorApartment ?? null, locality: fields.locality ?? null, references: fields.references ?? null },
  });
  return jobAddressLine(fields);
}

// "Av. San Martín 1234, 3°B, Lanús (timbre rojo)".
export function jobAddressLine(a: { street: string; floorApartment?: string | null; locality?: string | null; references?: string | null }): string {
  const line = [a.street, a.floorApartment, a.locality].filter((p) => p?.trim()).join(", ");
  return a.references?.trim() ? `${line} (${a.references.trim()})` : line;
}
