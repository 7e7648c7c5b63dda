import type { TenantTx } from "../../lib/db";
import { appendAuditLog } from "../audit/append-audit-log";
import { getConversationOrThrow } from "../conversations/get-conversation-or-throw";
import type { Viewer } from "../conversations/viewer";
import type { OrganizationEvent } from "../events/organization-event";
import { assistantSettings } from "./assistant-settings";
import { getConversationAssistant, type ConversationAssistantView } from "./get-conversation-assistant";

export type AssistantPauseInput = { conversationId: string; action: "pause" | "resume"; minutes?: number };

// A person takes the conversation over (pause: the assistant stays quiet for `minutes`, or the organization's
// handoff time) or hands it back (resume). Emergencies are still answered while paused: that rule lives in
// runAssistantTurn. Resuming a conversation that isn't paused changes nothing and records nothing. The event
// reuses "assistant.handoff" so open dashboards update the same badge the assistant's own handoff sets.
export async function setConversationAssistantPause(
  tx: TenantTx,
  viewer: Viewer & { organizationId: string },
  input: AssistantPauseInput,
  now: Date = new Date(),
): Promise<{ view: ConversationAssistantView; events: OrganizationEvent[] }> {
  const conversation = await getConversationOrThrow(tx, input.conversationId, viewer, "write");
  const current = await tx.whatsAppConversation.findUniqueOrThrow({ where: { id: conversation.id }, select: { assistantPausedUntil: true } });
  let pausedUntil: Date | null = null;
  if (input.action === "pause") {
    const organization = await tx.organization.findUniqueOrThrow({ where: { id: viewer.organizationId }, select: { settings: true } });
    pausedUntil = new Date(now.getTime() + (input.minutes ?? assistantSettings(organization.settings).handoffMinutes) * 60_000);
  } else if (!current.assistantPausedUntil) {
    return { view: await getConversationAssistant(tx, viewer, conversation.id, now), events: [] };
  }
  await tx.whatsAppConversation.update({ where: { id: conversation.id }, data: { assistantPausedUntil: pausedUntil } });
  await appendAuditLog(tx, {
    organizationId: viewer.organizationId, actorType: "USER", actorId: viewer.userId, action: input.action === "pause" ? "assistant.paused" : "assistant.resumed",
    entityType: "WhatsAppConversation", entityId: conversation.id, metadata: pausedUntil ? { pausedUntil: pausedUntil.toISOString() } : {},
  });
  const event: OrganizationEvent = {
    type: "assistant.handoff", organizationId: viewer.organizationId, conversationId: conversation.id, pausedUntil: pausedUntil?.toISOString() ?? null,
    byUserId: viewer.userId, reason: input.action === "pause" ? "Una persona tomó la conversación" : "La conversación volvió al asistente", at: now.toISOString(),
  };
  return { view: await getConversationAssistant(tx, viewer, conversation.id, now), events: [event] };
}
