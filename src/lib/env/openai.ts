import { z } from "zod";

// The assistant's model path. Off by default: with neither OPENAI_API_KEY nor OPENAI_BASE_URL the offline Spanish
// engine answers. OPENAI_BASE_URL alone turns it on against any OpenAI-compatible server (the sandbox, a local model
// server) with a placeholder key; openAiConfigFromEnv (src/integrations/openai) turns these into a client config.
const optional = z.string().optional().transform((v) => (v ? v : undefined));
const optionalUrl = optional.pipe(z.url().optional());
// An empty value in .env means "use the default" (a copied .env.example may leave them blank).
const emptyAsUnset = (v: unknown): unknown => (v === "" ? undefined : v);

export const openaiEnv = z.object({
  OPENAI_API_KEY: optional,
  OPENAI_BASE_URL: optionalUrl,
  OPENAI_MODEL: z.preprocess(emptyAsUnset, z.string().min(1).default("gpt-4o-mini")),
  // One deadline per call, retries included: a WhatsApp turn cannot wait long before the offline engine answers.
  OPENAI_TIMEOUT_MS: z.preprocess(emptyAsUnset, z.coerce.number().int().positive().default(8000)),
  // Whisper-compatible transcription (voice notes). Unset: the same server as chat (OPENAI_BASE_URL or OpenAI).
  WHISPER_BASE_URL: optionalUrl,
  WHISPER_MODEL: z.preprocess(emptyAsUnset, z.string().min(1).default("whisper-1")),
});
