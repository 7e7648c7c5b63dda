import { z } from "zod";
import { withTenant } from "../../../lib/db";
import { publishOrganizationEvents } from "../../events/publish-organization-events";
import { notifyStaff } from "../../notifications/notify-staff";
import { defineTool } from "./assistant-tool";

// The customer wants a person (or is upset): the assistant goes quiet in this conversation for the configured time
// and the office (owners, admins, dispatchers, and whoever the conversation is assigned to) is told.
export const handoffTool = defineTool({
  name: "handoff",
  description: "Pasa la conversación a una persona del equipo: el asistente deja de responder en este chat por un tiempo y se avisa a la oficina. Usalo si el cliente pide hablar con una persona, está enojado o reclama, o no podés ayudarlo.",
  parameters: {
    type: "object",
    properties: { reason: { type: "string", description: "por qué, en una frase" } },
    required: ["reason"],
    additionalProperties: false,
  },
  input: z.object({ reason: z.string().min(1).max(300) }),
  async run(ctx, input) {
    const pausedUntil = new Date(ctx.now.getTime() + ctx.settings.handoffMinutes * 60_000);
    const staff = await withTenant(ctx.organizationId, async (tx) => {
      const conversation = await tx.whatsAppConversation.update({ where: { id: ctx.conversationId }, data: { assistantPausedUntil: pausedUntil }, select: { assignedToId: true } });
      const office = await tx.user.findMany({ where: { isActive: true, OR: [{ role: { in: ["OWNER", "ADMIN", "DISPATCHER"] } }, ...(conversation.assignedToId ? [{ id: conversation.assignedToId }] : [])] }, select: { id: true } });
      return office.map((u) => u.id);
    });
    await publishOrganizationEvents([{ type: "assistant.handoff", organizationId: ctx.organizationId, conversationId: ctx.conversationId, reason: input.reason, pausedUntil: pausedUntil.toISOString(), at: ctx.now.toISOString() }]);
    if (staff.length) {
      await notifyStaff({
        organizationId: ctx.organizationId, userIds: staff, urgency: "HIGH", dedupeKey: `handoff-${ctx.conversationId}-${ctx.now.getTime()}`,
        message: { title: "Un cliente pide hablar con una persona", body: `${ctx.customerName ?? "Un cliente"}: ${input.reason}`, data: { conversationId: ctx.conversationId } },
      }, { now: ctx.now });
    }
    ctx.state.awaiting = undefined;
    return { pausedUntil };
  },
});
