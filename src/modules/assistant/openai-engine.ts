import { createChatCompletion } from "../../integrations/openai/create-chat-completion";
import { isOpenAiError } from "../../integrations/openai/openai-error";
import { toAssistantMessage } from "../../integrations/openai/to-assistant-message";
import type { ChatMessage, ChatTool, OpenAiConfig } from "../../integrations/openai/types";
import { callTool, type ToolCallRecord } from "./call-tool";
import type { EngineInput, EngineOutput } from "./engine-types";
import { runOfflineEngine } from "./offline-engine";
import { buildSystemPrompt } from "./system-prompt";
import { ASSISTANT_TOOLS } from "./tools/assistant-tools";
import { understandMessage } from "./understanding/understand-message";

const MAX_ROUNDS = 4;

// The model with tools. Emergencies never wait for it: the offline engine's safety answer and escalation are
// deterministic and immediate. Any model failure (timeout, rate limit, bad key, server error) falls back to the
// offline engine for this turn — unless a tool already acted, in which case its results are summarized instead
// of running a second engine over the same turn (no double bookings).
export async function runOpenAiEngine(input: EngineInput, config: OpenAiConfig): Promise<EngineOutput> {
  const { ctx } = input;
  const u = understandMessage(input.reactionOnly ? "👍" : input.text, { now: ctx.now, priceList: input.priceList, offeredSlots: ctx.state.awaiting === "slot_choice" ? ctx.state.offeredSlots : [], ...(ctx.state.awaiting ? { awaiting: ctx.state.awaiting } : {}) });
  // A message that could be an emergency gets the deterministic safety path too: the escalation, or the "¿Es una
  // urgencia?" question — never a model's guess.
  if (u.emergency || u.possibleEmergency || ctx.state.awaiting === "emergency_check") return runOfflineEngine(input);

  const log: ToolCallRecord[] = [];
  const tools: ChatTool[] = ASSISTANT_TOOLS.map((t) => ({ type: "function", function: { name: t.name, description: t.description, parameters: t.parameters } }));
  const messages: ChatMessage[] = [
    { role: "system", content: buildSystemPrompt({ organizationName: input.organizationName, settings: ctx.settings, state: ctx.state, now: ctx.now, customerName: ctx.customerName }) },
    ...input.history.map((h): ChatMessage => (h.from === "customer" ? { role: "user", content: h.text } : { role: "assistant", content: h.text })),
    { role: "user", content: input.reactionOnly ? "👍" : input.text },
  ];
  try {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const result = await createChatCompletion(config, { messages, tools, toolChoice: "auto", temperature: 0.2 });
      if (!result.message.toolCalls.length) {
        return { engine: "OPENAI", ...agreedIntent(u.intent, log), reply: result.message.content?.trim() || null, toolCalls: log };
      }
      messages.push(toAssistantMessage(result.message));
      for (const toolCall of result.message.toolCalls) {
        let args: unknown;
        try {
          args = JSON.parse(toolCall.arguments || "{}");
        } catch {
          args = undefined;
        }
        const outcome = args === undefined ? { ok: false as const, error: "los argumentos no son JSON válido" } : await callTool(ctx, log, toolCall.name, args);
        messages.push({ role: "tool", tool_call_id: toolCall.id, content: JSON.stringify(outcome.ok ? outcome.output : { error: outcome.error }) });
      }
    }
    throw new Error(`the model kept calling tools after ${MAX_ROUNDS} rounds`);
  } catch (error) {
    const reason = isOpenAiError(error) ? `${error.kind}: ${error.message}` : (error as Error).message;
    if (!isOpenAiError(error) && !(error instanceof Error && error.message.startsWith("the model kept"))) throw error;
    if (log.some((c) => c.output !== undefined && ["create_job", "cancel_job", "escalate_emergency", "handoff"].includes(c.name))) {
      return { engine: "OPENAI", ...agreedIntent(u.intent, log), reply: summarize(log), toolCalls: log, error: reason };
    }
    const offline = await runOfflineEngine(input);
    return { ...offline, toolCalls: [...log, ...offline.toolCalls], error: reason };
  }
}

// What the turn is recorded as: the understanding layer's intent, unless the model escalated an emergency itself
// (then the record must say emergency, with the kind it escalated, or the emergency would be missing from reports).
function agreedIntent(intent: EngineOutput["intent"], log: ToolCallRecord[]): Pick<EngineOutput, "intent" | "emergency"> {
  const escalation = log.find((c) => c.name === "escalate_emergency" && c.output !== undefined)?.input as { kind?: EngineOutput["emergency"] } | undefined;
  return escalation ? { intent: "emergency", emergency: escalation.kind ?? null } : { intent, emergency: null };
}

function summarize(log: ToolCallRecord[]): string {
  const booked = log.find((c) => c.name === "create_job" && (c.output as { booked?: boolean })?.booked)?.output as { label: string; number: number } | undefined;
  if (booked) return `¡Listo! Te agendamos la visita para el ${booked.label} (trabajo #${booked.number}).`;
  if (log.some((c) => c.name === "cancel_job")) return "Listo, cancelamos tu visita.";
  return "Gracias por escribirnos. Una persona del equipo te responde a la brevedad.";
}
