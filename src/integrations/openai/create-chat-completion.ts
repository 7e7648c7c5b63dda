import type { ChatCompletion, ChatCompletionCreateParamsNonStreaming } from "openai/resources/chat/completions";
import { callOpenAi } from "./call-openai";
import { OpenAiError } from "./openai-error";
import type { CallOptions, ChatCompletionRequest, ChatCompletionResult, FinishReason, OpenAiConfig, ToolCall } from "./types";

/** POST {baseUrl}/chat/completions (no streaming): one answer, either text or tool calls. Throws OpenAiError. */
export async function createChatCompletion(config: OpenAiConfig, request: ChatCompletionRequest, options: CallOptions = {}): Promise<ChatCompletionResult> {
  const timeoutMs = options.timeoutMs ?? config.timeoutMs;
  const body: ChatCompletionCreateParamsNonStreaming = {
    model: request.model ?? config.model,
    messages: request.messages,
    ...(request.tools?.length ? { tools: request.tools } : {}),
    ...(request.tools?.length && request.toolChoice ? { tool_choice: request.toolChoice } : {}),
    ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
    ...(request.maxTokens !== undefined ? { max_completion_tokens: request.maxTokens } : {}),
  };
  const completion = await callOpenAi(config, "chat completion", timeoutMs, options, (client, signal) =>
    client.chat.completions.create(body, { signal }),
  );
  return toChatCompletionResult(completion);
}

function toChatCompletionResult(completion: ChatCompletion): ChatCompletionResult {
  const choice = completion.choices?.[0];
  // A compatible server that answers 200 without a choice is broken, not the request.
  if (!choice?.message) throw new OpenAiError("server", "chat completion: the answer has no choices[0].message");
  const toolCalls: ToolCall[] = (choice.message.tool_calls ?? []).flatMap((call) =>
    call.type === "function" ? [{ id: call.id, name: call.function.name, arguments: call.function.arguments }] : [],
  );
  return {
    id: completion.id,
    model: completion.model,
    message: { content: choice.message.content ?? null, toolCalls },
    finishReason: choice.finish_reason as FinishReason,
    usage: completion.usage
      ? { promptTokens: completion.usage.prompt_tokens, completionTokens: completion.usage.completion_tokens, totalTokens: completion.usage.total_tokens }
      : null,
  };
}
