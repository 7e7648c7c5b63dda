import { randomBytes } from "node:crypto";
import { holdFor } from "../faults.ts";
import type { Reply, RequestContext } from "../http/types.ts";
import type { SandboxState } from "../state.ts";
import { checkApiKey } from "./auth.ts";
import { defaultReply } from "./default-reply.ts";
import { openAiError, scriptedErrorReply } from "./errors.ts";
import { newCompletionId, newToolCallId } from "./ids.ts";
import { openAiStateOf } from "./state.ts";
import { validateChatRequest } from "./validate-chat-request.ts";

// One fingerprint per sandbox process, as a deployment has one.
const FINGERPRINT = `fp_${randomBytes(5).toString("hex")}`;

/** POST /openai/v1/chat/completions: auth, OpenAI's validation, then the next scripted reply or the default one. */
export async function handleChatCompletion(state: SandboxState, ctx: RequestContext): Promise<Reply> {
  const denied = checkApiKey(ctx);
  if (denied) return denied;
  const body = ctx.body.kind === "json" ? ctx.body.value : undefined;
  const validated = validateChatRequest(body);
  if (!validated.ok) return openAiError(400, validated.error.message, { param: validated.error.param, code: validated.error.code });
  const request = validated.request;

  const scripted = openAiStateOf(state).chatScript.shift();
  if (scripted?.delayMs) {
    // Reset/close or the client hanging up ends the wait; nobody is left to answer then.
    const outcome = await holdFor(scripted.delayMs, [ctx.signal, state.lifecycle.signal]);
    if (outcome === "aborted") return { status: 0, dropped: true };
  }
  if (scripted?.error) return scriptedErrorReply(scripted.error);

  const toolCalls = (scripted?.toolCalls ?? []).map((call) => ({
    id: call.id ?? newToolCallId(),
    type: "function" as const,
    function: { name: call.name, arguments: typeof call.arguments === "string" ? call.arguments : JSON.stringify(call.arguments) },
  }));
  const content = scripted?.content ?? (toolCalls.length ? null : defaultReply(request.messages));
  const finishReason = toolCalls.length ? "tool_calls" : (scripted?.finishReason ?? "stop");

  // Roughly 4 characters a token: deterministic, and enough for code that logs or sums usage.
  const promptTokens = tokens(JSON.stringify(request.messages) + JSON.stringify(request.tools ?? []));
  const completionTokens = Math.max(1, tokens((content ?? "") + JSON.stringify(toolCalls.map((c) => c.function))));
  return {
    status: 200,
    json: {
      id: newCompletionId(),
      object: "chat.completion",
      created: Math.floor(Date.now() / 1000),
      model: request.model,
      choices: [
        {
          index: 0,
          message: { role: "assistant", content, refusal: null, annotations: [], ...(toolCalls.length ? { tool_calls: toolCalls } : {}) },
          logprobs: null,
          finish_reason: finishReason,
        },
      ],
      usage: {
        prompt_tokens: promptTokens,
        completion_tokens: completionTokens,
        total_tokens: promptTokens + completionTokens,
        prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
        completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
      },
      service_tier: "default",
      system_fingerprint: FINGERPRINT,
    },
    headers: { "x-request-id": `req_${randomBytes(16).toString("hex")}`, "openai-processing-ms": "1" },
  };
}

function tokens(text: string): number {
  return Math.ceil(text.length / 4);
}
