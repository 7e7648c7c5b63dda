import { transcribeAudio } from "../../integrations/openai/transcribe-audio";
import type { OpenAiConfig } from "../../integrations/openai/types";
import { logger } from "../../lib/logger";
import { getMediaStorage } from "../media/get-media-storage";
import type { TurnMessage } from "./turn-text";

const EXT: Record<string, string> = { "audio/ogg": "ogg", "audio/mpeg": "mp3", "audio/mp4": "m4a", "audio/aac": "aac", "audio/amr": "amr", "audio/webm": "webm", "audio/wav": "wav" };

// Voice notes of a turn, as text, through the Whisper-compatible endpoint when one is configured. A note that
// could not be read (no endpoint, file not downloaded yet, transcription failed) is counted as untranscribed so the
// assistant tells the customer a person will listen to it.
export async function readVoiceNotes(messages: TurnMessage[], config: OpenAiConfig | null): Promise<{ transcripts: string[]; untranscribed: number }> {
  const audio = messages.filter((m) => m.type === "AUDIO");
  const transcripts: string[] = [];
  let untranscribed = 0;
  for (const note of audio) {
    if (!config || !note.mediaStorageKey || note.mediaState !== "STORED") {
      untranscribed += 1;
      continue;
    }
    try {
      const bytes = await getMediaStorage().get(note.mediaStorageKey);
      if (!bytes) throw new Error("audio file missing from storage");
      const mime = (note.mediaMimeType ?? "audio/ogg").split(";")[0]!.trim();
      const { text } = await transcribeAudio(config, { bytes: Buffer.from(bytes), mimeType: mime, filename: `nota.${EXT[mime] ?? "ogg"}` });
      if (text.trim()) transcripts.push(text.trim());
      else untranscribed += 1;
    } catch (error) {
      logger.warn({ err: (error as Error).message }, "voice note not transcribed");
      untranscribed += 1;
    }
  }
  return { transcripts, untranscribed };
}
