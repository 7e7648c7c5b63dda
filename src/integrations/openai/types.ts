// Our own types for the chat and transcription calls. Messages and tools keep OpenAI's wire shape (role, tool_calls,
// tool_call_id, {type:"function", function:{…}}) so any OpenAI-compatible server accepts them unchanged; the result
// is flattened into what the assistant needs.

export type OpenAiConfig = {
  /** Real key, or a placeholder when only a base URL (sandbox, local model server) is configured. Never logged. */
  apiKey: string;
  /** Includes the API version path, e.g. https://api.openai.com/v1 or http://127.0.0.1:4010/openai/v1. */
  baseUrl: string;
  model: string;
  /** Deadline for one call, retries included. */
  timeoutMs: number;
  /** Retries for 429/5xx/connection errors inside that deadline (the SDK backs off ~0.5 s, then 1 s). */
  maxRetries: number;
  transcription: { baseUrl: string; model: string };
};

/** JSON Schema for a tool's parameters, passed through as is. */
export type JsonSchema = Record<string, unknown>;

export type ChatTool = {
  type: "function";
  function: { name: string; description?: string; parameters?: JsonSchema; strict?: boolean };
};

export type ChatToolChoice = "auto" | "none" | "required" | { type: "function"; function: { name: string } };

export type ChatMessageToolCall = { id: string; type: "function"; function: { name: string; arguments: string } };

export type ChatMessage =
  | { role: "system"; content: string }
  | { role: "user"; content: string }
  | { role: "assistant"; content: string | null; tool_calls?: ChatMessageToolCall[] }
  | { role: "tool"; tool_call_id: string; content: string };

export type ChatCompletionRequest = {
  messages: ChatMessage[];
  /** Omitted from the request when empty (OpenAI rejects `tools: []`). */
  tools?: ChatTool[];
  toolChoice?: ChatToolChoice;
  temperature?: number;
  maxTokens?: number;
  /** Overrides config.model for this call. */
  model?: string;
};

export type CallOptions = {
  /** Aborting it ends the call with an OpenAiError of kind "timeout". */
  signal?: AbortSignal;
  /** Overrides config.timeoutMs for this call. */
  timeoutMs?: number;
};

/** `arguments` is the model's JSON text, unparsed: models do produce invalid JSON, the caller decides what to do. */
export type ToolCall = { id: string; name: string; arguments: string };

export type FinishReason = "stop" | "tool_calls" | "length" | "content_filter" | "function_call";

export type ChatCompletionResult = {
  id: string;
  model: string;
  message: { content: string | null; toolCalls: ToolCall[] };
  finishReason: FinishReason;
  /** null when an OpenAI-compatible server does not report usage. */
  usage: { promptTokens: number; completionTokens: number; totalTokens: number } | null;
};

export type TranscribeAudioInput = {
  bytes: Buffer | Uint8Array;
  mimeType: string;
  /** The extension matters: OpenAI picks the decoder by it (WhatsApp voice notes: "audio.ogg"). */
  filename: string;
  /** Optional vocabulary hint ("calefón, termotanque, disyuntor"). */
  prompt?: string;
};

export type TranscribeAudioResult = { text: string };
