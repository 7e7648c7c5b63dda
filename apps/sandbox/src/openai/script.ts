import { z } from "zod";

// What tests queue with POST /_sandbox/openai/script and /_sandbox/openai/transcriptions. Each request to the
// emulated API takes the next item; an empty queue falls back to the deterministic defaults (default-reply.ts).

const scriptedError = z.object({
  status: z.number().int().min(400).max(599),
  message: z.string().min(1).optional(),
  type: z.string().min(1).optional(),
  code: z.string().min(1).nullable().optional(),
  param: z.string().min(1).nullable().optional(),
});

const delayMs = z.number().int().min(0).max(120_000);

const scriptedToolCall = z.object({
  name: z.string().min(1),
  // An object is sent as JSON text; a string goes out verbatim (to test what the client does with broken JSON).
  arguments: z.union([z.record(z.string(), z.unknown()), z.string()]).default({}),
  id: z.string().min(1).optional(),
});

export const scriptedReplySchema = z
  .object({
    content: z.string().optional(),
    toolCalls: z.array(scriptedToolCall).min(1).optional(),
    error: scriptedError.optional(),
    // Held before answering (or until the client gives up): the way to test timeouts.
    delayMs: delayMs.optional(),
    finishReason: z.enum(["stop", "length", "content_filter"]).optional(),
  })
  .strict()
  .refine((r) => !(r.error && (r.content !== undefined || r.toolCalls)), "an error reply has no content or toolCalls")
  .refine((r) => r.error || r.content !== undefined || r.toolCalls || r.delayMs !== undefined, "give content, toolCalls, error or delayMs");

const transcriptionObject = z
  .object({ text: z.string().optional(), error: scriptedError.optional(), delayMs: delayMs.optional() })
  .strict()
  .refine((r) => r.text !== undefined || r.error || r.delayMs !== undefined, "give text, error or delayMs");

// A bare string is shorthand for {text}.
export const scriptedTranscriptionSchema = z.union([z.string().transform((text): z.infer<typeof transcriptionObject> => ({ text })), transcriptionObject]);

export type ScriptedReply = z.infer<typeof scriptedReplySchema>;
export type ScriptedTranscription = z.infer<typeof scriptedTranscriptionSchema>;
export type ScriptedError = z.infer<typeof scriptedError>;

export const chatScriptBodySchema = z.object({ responses: z.array(scriptedReplySchema).min(1) }).strict();
export const transcriptionScriptBodySchema = z.object({ responses: z.array(scriptedTranscriptionSchema).min(1) }).strict();
