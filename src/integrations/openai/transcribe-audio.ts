import { toFile } from "openai";
import { callOpenAi } from "./call-openai";
import type { CallOptions, OpenAiConfig, TranscribeAudioInput, TranscribeAudioResult } from "./types";

/**
 * POST {transcription.baseUrl}/audio/transcriptions (multipart: file, model, language "es") on any Whisper-compatible
 * server. Throws OpenAiError.
 */
export async function transcribeAudio(config: OpenAiConfig, input: TranscribeAudioInput, options: CallOptions = {}): Promise<TranscribeAudioResult> {
  const timeoutMs = options.timeoutMs ?? config.timeoutMs;
  const file = await toFile(input.bytes, input.filename, { type: input.mimeType });
  const transcription = await callOpenAi(
    { ...config, baseUrl: config.transcription.baseUrl },
    "audio transcription",
    timeoutMs,
    options,
    (client, signal) =>
      client.audio.transcriptions.create(
        {
          file,
          model: config.transcription.model,
          // Our customers speak Argentine Spanish; naming it skips detection and its mistakes on short notes.
          language: "es",
          response_format: "json",
          ...(input.prompt ? { prompt: input.prompt } : {}),
        },
        { signal },
      ),
  );
  return { text: transcription.text.trim() };
}
