import { env, type Env } from "../../lib/env";
import type { OpenAiConfig } from "./types";

type OpenAiEnv = Pick<Env, "OPENAI_API_KEY" | "OPENAI_BASE_URL" | "OPENAI_MODEL" | "OPENAI_TIMEOUT_MS" | "WHISPER_BASE_URL" | "WHISPER_MODEL">;

const OPENAI_API_URL = "https://api.openai.com/v1";
// Local OpenAI-compatible servers (the sandbox, llama.cpp, vLLM, Ollama) want some Bearer token and ignore its value.
const PLACEHOLDER_KEY = "sk-local-placeholder";
// One retry fits a 429 or a 5xx blip inside the deadline; more would only delay the offline fallback.
const MAX_RETRIES = 1;

/**
 * null (the assistant stays on the offline engine) unless OPENAI_API_KEY or OPENAI_BASE_URL is set. A base URL
 * without a key means a local server and gets a placeholder key; a key without a base URL means OpenAI itself.
 * Transcription uses WHISPER_BASE_URL, or the chat server when it is unset.
 */
export function openAiConfigFromEnv(source: OpenAiEnv = env): OpenAiConfig | null {
  if (!source.OPENAI_API_KEY && !source.OPENAI_BASE_URL) return null;
  const baseUrl = trimSlash(source.OPENAI_BASE_URL ?? OPENAI_API_URL);
  return {
    apiKey: source.OPENAI_API_KEY ?? PLACEHOLDER_KEY,
    baseUrl,
    model: source.OPENAI_MODEL,
    timeoutMs: source.OPENAI_TIMEOUT_MS,
    maxRetries: MAX_RETRIES,
    transcription: { baseUrl: trimSlash(source.WHISPER_BASE_URL ?? baseUrl), model: source.WHISPER_MODEL },
  };
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, "");
}
