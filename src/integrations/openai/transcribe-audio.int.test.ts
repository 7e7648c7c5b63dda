import { describe, expect, it } from "vitest";
import { OpenAiError } from "./openai-error";
import { useOpenAiSandbox } from "./sandbox-harness";
import { transcribeAudio } from "./transcribe-audio";

// Multipart uploads through the openai SDK to the sandbox's Whisper-compatible endpoint.
const openai = useOpenAiSandbox();

describe("transcribeAudio", () => {
  it("uploads the file with model and language es and returns the text", async () => {
    const bytes = Buffer.from("TRANSCRIPT: Hola, se me inundó el baño y no corta la llave de paso");
    const result = await transcribeAudio(openai.config(), { bytes, mimeType: "audio/ogg", filename: "nota-de-voz.ogg" });
    expect(result).toEqual({ text: "Hola, se me inundó el baño y no corta la llave de paso" });
    const [request] = await openai.requests("audio/transcriptions");
    expect(request?.body.fields).toMatchObject({ model: "whisper-1", language: "es", response_format: "json" });
    expect(request?.body.files).toEqual([{ field: "file", filename: "nota-de-voz.ogg", mimeType: "audio/ogg", size: bytes.length }]);
  });

  it("uses the transcription server and model from the config", async () => {
    await openai.scriptTranscriptions(["necesito un gasista"]);
    const config = openai.config({ baseUrl: "http://127.0.0.1:9/v1", transcription: { baseUrl: openai.baseUrl, model: "whisper-large-v3" } });
    const result = await transcribeAudio(config, { bytes: Buffer.from([0x4f, 0x67, 0x67, 0x53]), mimeType: "audio/ogg", filename: "audio.ogg" });
    expect(result.text).toBe("necesito un gasista");
    expect((await openai.requests("audio"))[0]?.body.fields.model).toBe("whisper-large-v3");
  });

  it("throws OpenAiError for a server error and for a timeout", async () => {
    await openai.scriptTranscriptions([{ error: { status: 500 } }, { delayMs: 2_000, text: "tarde" }]);
    const input = { bytes: Buffer.from("x"), mimeType: "audio/ogg", filename: "audio.ogg" };
    await expect(transcribeAudio(openai.config(), input)).rejects.toMatchObject({ kind: "server", status: 500 });
    const error = await transcribeAudio(openai.config(), input, { timeoutMs: 300 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAiError);
    expect(error).toMatchObject({ kind: "timeout" });
  });
});
