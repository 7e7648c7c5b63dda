import { describe, expect, it } from "vitest";
import { openAiConfigFromEnv } from "./openai-config-from-env";

const base = { OPENAI_API_KEY: undefined, OPENAI_BASE_URL: undefined, OPENAI_MODEL: "gpt-4o-mini", OPENAI_TIMEOUT_MS: 8000, WHISPER_BASE_URL: undefined, WHISPER_MODEL: "whisper-1" };

describe("openAiConfigFromEnv", () => {
  it("is null without a key and without a base URL (offline engine)", () => {
    expect(openAiConfigFromEnv(base)).toBeNull();
  });

  it("uses OpenAI itself when only a key is set", () => {
    expect(openAiConfigFromEnv({ ...base, OPENAI_API_KEY: "sk-real" })).toEqual({
      apiKey: "sk-real",
      baseUrl: "https://api.openai.com/v1",
      model: "gpt-4o-mini",
      timeoutMs: 8000,
      maxRetries: 1,
      transcription: { baseUrl: "https://api.openai.com/v1", model: "whisper-1" },
    });
  });

  it("turns the model path on for a base URL alone, with a placeholder key, and transcribes there too", () => {
    const config = openAiConfigFromEnv({ ...base, OPENAI_BASE_URL: "http://127.0.0.1:4010/openai/v1/" });
    expect(config?.apiKey).toMatch(/^sk-/);
    expect(config?.baseUrl).toBe("http://127.0.0.1:4010/openai/v1");
    expect(config?.transcription.baseUrl).toBe("http://127.0.0.1:4010/openai/v1");
  });

  it("sends transcriptions to WHISPER_BASE_URL with WHISPER_MODEL when set", () => {
    const config = openAiConfigFromEnv({ ...base, OPENAI_API_KEY: "sk-real", WHISPER_BASE_URL: "http://127.0.0.1:8000/v1", WHISPER_MODEL: "Systran/faster-whisper-small" });
    expect(config?.baseUrl).toBe("https://api.openai.com/v1");
    expect(config?.transcription).toEqual({ baseUrl: "http://127.0.0.1:8000/v1", model: "Systran/faster-whisper-small" });
  });
});
