import type { TenantTx } from "../../lib/db";
import { getConversationOrThrow } from "../conversations/get-conversation-or-throw";
import type { Viewer } from "../conversations/viewer";
import { assistantSettings } from "./assistant-settings";
import { readAssistantState, type AssistantState } from "./assistant-state";

const RECENT_RUNS = 20;

export type ConversationAssistantView = {
  // The organization's switch: when off, nothing below happens in any conversation.
  enabled: boolean;
  // A person has the conversation until then (null: the assistant may answer). Emergencies are answered anyway.
  pausedUntil: Date | null;
  state: {
    awaiting: NonNullable<AssistantState["awaiting"]> | null;
    offeredSlots: { start: Date; end: Date; technicianId: string }[];
    service: string | null;
    urgency: "EMERGENCY" | "HIGH" | "NORMAL" | null;
    leadId: string | null;
    jobId: string | null;
    updatedAt: Date | null;
  };
  runs: {
    id: string; engine: "OFFLINE" | "OPENAI"; intent: string; emergencyKind: string | null; outcome: string; reply: string | null;
    latencyMs: number; tools: string[]; error: string | null; createdAt: Date;
  }[];
};

// What the assistant is doing in one conversation, for the person reading it: whether it is paused, what it is
// waiting for (slots it offered) and its last answers with the tools it used. Same visibility as the conversation.
export async function getConversationAssistant(tx: TenantTx, viewer: Viewer, conversationId: string, now: Date = new Date()): Promise<ConversationAssistantView> {
  const { id, organizationId } = await getConversationOrThrow(tx, conversationId, viewer, "read");
  const conversation = await tx.whatsAppConversation.findUniqueOrThrow({ where: { id }, select: { assistantPausedUntil: true, assistantState: true } });
  const organization = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { settings: true } });
  const runs = await tx.assistantRun.findMany({
    where: { conversationId: id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: RECENT_RUNS,
    select: { id: true, engine: true, intent: true, emergencyKind: true, outcome: true, reply: true, latencyMs: true, toolCalls: true, error: true, createdAt: true },
  });
  // Expired state (48 h) reads as empty, the way the assistant itself sees it.
  const state = readAssistantState(conversation.assistantState, now);
  const pausedUntil = conversation.assistantPausedUntil && conversation.assistantPausedUntil > now ? conversation.assistantPausedUntil : null;
  return {
    enabled: assistantSettings(organization.settings).autoResponseEnabled,
    pausedUntil,
    state: {
      awaiting: state.awaiting ?? null,
      offeredSlots: state.offeredSlots,
      service: state.service?.name ?? state.service?.code ?? state.service?.serviceType ?? null,
      urgency: state.urgency ?? null,
      leadId: state.leadId ?? null,
      jobId: state.jobId ?? null,
      updatedAt: state.updatedAt ?? null,
    },
    runs: runs.map(({ toolCalls, ...run }) => ({ ...run, tools: toolNames(toolCalls) })),
  };
}

// toolCalls is the engine's log (name, input, output…); the view shows only the names, in call order.
function toolNames(toolCalls: unknown): string[] {
  if (!Array.isArray(toolCalls)) return [];
  return toolCalls.map((call) => (call && typeof call === "object" && typeof (call as { name?: unknown }).name === "string" ? (call as { name: string }).name : null)).filter((n): n is string => n !== null);
}
