import { z } from "zod";
import { withTenant } from "../../../lib/db";
import { logger } from "../../../lib/logger";
import { publishJobChanges } from "../../jobs/publish-job-changes";
import { createJob } from "../../jobs/create-job";
import { assistantActor } from "../../jobs/job-actor";
import { notifyStaff } from "../../notifications/notify-staff";
import { EMERGENCY_LABELS } from "../safety-instructions";
import { EMERGENCY_KINDS } from "../understanding/types";
import { defineTool } from "./assistant-tool";
import { upsertLead } from "./upsert-lead";
import { formatPhoneForPeople } from "../../../lib/phone";

const SERVICE_OF = { gas: "GAS", electrical: "ELECTRICAL", flood: "PLUMBING", no_power_risk: "ELECTRICAL", carbon_monoxide: "GAS" } as const;

// An emergency job (EMERGENCY, pending, for the office to assign) and a lead, then an alert to the owners and
// whoever is on call on every channel they can be reached on, bypassing quiet hours (urgency EMERGENCY).
export const escalateEmergencyTool = defineTool({
  name: "escalate_emergency",
  description: "Para emergencias (olor o pérdida de gas, chispas u olor a quemado, inundación o caño roto, corte de luz con riesgo, síntomas de monóxido): crea un trabajo urgente y avisa ya al dueño y a la guardia por todos los canales. Usalo siempre ante una emergencia, además de dar las instrucciones de seguridad.",
  parameters: {
    type: "object",
    properties: {
      kind: { type: "string", enum: [...EMERGENCY_KINDS] },
      summary: { type: "string", description: "qué pasa, en una frase, con lo que dijo el cliente" },
    },
    required: ["kind", "summary"],
    additionalProperties: false,
  },
  input: z.object({ kind: z.enum(EMERGENCY_KINDS), summary: z.string().min(1).max(500) }),
  async run(ctx, input) {
    const actor = assistantActor(ctx.organizationId);
    const label = EMERGENCY_LABELS[input.kind];
    const outcome = await withTenant(ctx.organizationId, async (tx) => {
      // issue 22 (workers3): two turns of one customer's emergency answered at once (two worker processes) must not
      // both find no open emergency and both create one. The organization's job-numbering lock (createJob takes it
      // again; advisory locks are re-entrant) serializes the check with the creation.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(7302, hashtext(${ctx.organizationId}))`;
      const recent = await tx.job.findFirst({
        // A customer who keeps writing while their emergency job is open is the same emergency: no second job or alert.
        where: { customerId: ctx.customerId, urgency: "EMERGENCY", status: { in: ["pending", "scheduled", "en_camino", "working"] } },
        select: { id: true, number: true },
      });
      if (recent) return { job: recent, created: false, events: [] };
      const customer = await tx.customer.findFirstOrThrow({ where: { id: ctx.customerId }, select: { address: true, name: true, phone: true } });
      const created = await createJob(tx, actor, {
        customerId: ctx.customerId, address: customer.address ?? "A confirmar con el cliente", serviceType: SERVICE_OF[input.kind],
        description: `URGENCIA (${label}): ${input.summary}`, urgency: "EMERGENCY",
      });
      const lead = await upsertLead(tx, {
        organizationId: ctx.organizationId, customerId: ctx.customerId, conversationId: ctx.conversationId, summary: `Urgencia: ${input.summary}`,
        serviceType: SERVICE_OF[input.kind], urgency: "EMERGENCY", jobId: created.job.id,
      });
      const staff = await tx.user.findMany({
        where: { isActive: true, OR: [{ role: "OWNER" }, { id: { in: ctx.settings.onCallUserIds } }] },
        select: { id: true },
      });
      return { job: { id: created.job.id, number: created.job.number }, created: true, events: [...created.events, lead.event], staff: staff.map((s) => s.id), customer };
    });
    ctx.state.urgency = "EMERGENCY";
    if (!outcome.created) return { jobId: outcome.job.id, number: outcome.job.number, alreadyReported: true, alerted: 0 };
    await publishJobChanges({
      events: [
        ...outcome.events,
        { type: "assistant.emergency", organizationId: ctx.organizationId, conversationId: ctx.conversationId, customerId: ctx.customerId, jobId: outcome.job.id, kind: input.kind, at: ctx.now.toISOString() },
      ],
    });
    const who = outcome.customer?.name ?? ctx.customerName ?? "Un cliente";
    const deliveries = await notifyStaff({
      organizationId: ctx.organizationId, userIds: outcome.staff ?? [], urgency: "EMERGENCY", dedupeKey: `emergency-${outcome.job.id}`,
      message: {
        title: `URGENCIA: ${label}`,
        body: `${who} (${formatPhoneForPeople(outcome.customer?.phone) || "sin teléfono"}) escribió por WhatsApp: "${input.summary}". Trabajo #${outcome.job.number} creado, falta asignar técnico.`,
        data: { jobId: outcome.job.id, conversationId: ctx.conversationId },
      },
    }, { now: ctx.now }).catch((error: unknown) => {
      logger.error({ err: (error as Error).message, jobId: outcome.job.id }, "emergency alert failed");
      return [];
    });
    return { jobId: outcome.job.id, number: outcome.job.number, alreadyReported: false, alerted: deliveries.filter((d) => d.status === "sent").length };
  },
});
