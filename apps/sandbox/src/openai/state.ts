import type { SandboxState } from "../state.ts";
import type { ScriptedReply, ScriptedTranscription } from "./script.ts";

export type OpenAiRecordedRequest = {
  id: string;
  method: string;
  path: string;
  /** Lower-cased; the Authorization value is replaced by "Bearer [redacted]" (tests assert that one was sent). */
  headers: Record<string, string>;
  /** Parsed JSON, or {fields, files:[{field, filename, mimeType, size}]} for multipart. */
  body: unknown;
  receivedAt: string;
  response: { status: number; body: unknown };
};

export type OpenAiSandboxState = {
  chatScript: ScriptedReply[];
  transcriptionScript: ScriptedTranscription[];
  requests: OpenAiRecordedRequest[];
};

type Slot = { lifecycle: AbortController; openai: OpenAiSandboxState };
const slots = new WeakMap<SandboxState, Slot>();

/**
 * The OpenAI emulation keeps its state beside the sandbox's rather than in it. POST /_sandbox/reset replaces
 * `state.lifecycle`, so a new controller means "reset happened" and the scripts and recordings start empty again:
 * one reset for the whole sandbox without the shared state module knowing about OpenAI.
 */
export function openAiStateOf(state: SandboxState): OpenAiSandboxState {
  const slot = slots.get(state);
  if (slot && slot.lifecycle === state.lifecycle) return slot.openai;
  const fresh: Slot = { lifecycle: state.lifecycle, openai: { chatScript: [], transcriptionScript: [], requests: [] } };
  slots.set(state, fresh);
  return fresh.openai;
}
