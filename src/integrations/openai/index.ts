export { createChatCompletion } from "./create-chat-completion";
export { transcribeAudio } from "./transcribe-audio";
export { toAssistantMessage } from "./to-assistant-message";
export { openAiConfigFromEnv } from "./openai-config-from-env";
export { OpenAiError, isOpenAiError } from "./openai-error";
export type { OpenAiErrorKind } from "./openai-error";
export type {
  CallOptions,
  ChatCompletionRequest,
  ChatCompletionResult,
  ChatMessage,
  ChatMessageToolCall,
  ChatTool,
  ChatToolChoice,
  FinishReason,
  JsonSchema,
  OpenAiConfig,
  ToolCall,
  TranscribeAudioInput,
  TranscribeAudioResult,
} from "./types";
