import type { ChatCompletionResult, ChatMessage } from "./types";

/** The model's answer as the assistant message to append to the history before sending the tool results back. */
export function toAssistantMessage(message: ChatCompletionResult["message"]): ChatMessage {
  return {
    role: "assistant",
    content: message.content,
    ...(message.toolCalls.length
      ? { tool_calls: message.toolCalls.map((call) => ({ id: call.id, type: "function" as const, function: { name: call.name, arguments: call.arguments } })) }
      : {}),
  };
}
