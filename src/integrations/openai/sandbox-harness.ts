import { afterAll, beforeAll, beforeEach } from "vitest";
import { startSandbox } from "@campotech/sandbox";
import type { OpenAiConfig } from "./types";

// Test-only: apps/sandbox on a random port as the OpenAI-compatible server, reset before each test. Not exported from
// the index; tests of the assistant can import it to script the model.

export type ScriptedChatReply = {
  content?: string;
  /** `arguments` as an object is sent as JSON text; a string goes out verbatim. */
  toolCalls?: { name: string; arguments?: Record<string, unknown> | string; id?: string }[];
  error?: { status: number; message?: string; type?: string; code?: string | null; param?: string | null };
  /** Held this long before answering (timeouts). */
  delayMs?: number;
};

export type ScriptedTranscription = string | { text?: string; error?: ScriptedChatReply["error"]; delayMs?: number };

export type RecordedOpenAiRequest = {
  id: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  // Test JSON is checked with expect(), not trusted.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  response: { status: number; body: unknown };
};

export type OpenAiSandbox = {
  /** The sandbox root, e.g. http://127.0.0.1:41234. */
  readonly url: string;
  /** What OPENAI_BASE_URL would be: `${url}/openai/v1`. */
  readonly baseUrl: string;
  /** A config for this sandbox: fast deadline, no retries unless overridden. */
  config(overrides?: Partial<OpenAiConfig>): OpenAiConfig;
  script(responses: ScriptedChatReply[]): Promise<void>;
  scriptTranscriptions(responses: ScriptedTranscription[]): Promise<void>;
  requests(path?: string): Promise<RecordedOpenAiRequest[]>;
  reset(): Promise<void>;
};

export function useOpenAiSandbox(): OpenAiSandbox {
  let sandbox: Awaited<ReturnType<typeof startSandbox>> | undefined;
  const root = (): string => {
    if (!sandbox) throw new Error("useOpenAiSandbox: the sandbox starts in beforeAll; use it inside tests");
    return sandbox.url;
  };

  async function control(method: string, path: string, body?: unknown): Promise<unknown> {
    const res = await fetch(`${root()}${path}`, {
      method,
      ...(body === undefined ? {} : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`sandbox ${method} ${path} → ${res.status}: ${text}`);
    return text ? JSON.parse(text) : undefined;
  }

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, host: "127.0.0.1" });
  });
  afterAll(async () => {
    await sandbox?.close();
  });
  beforeEach(async () => {
    await control("POST", "/_sandbox/reset");
  });

  const handle: OpenAiSandbox = {
    get url() {
      return root();
    },
    get baseUrl() {
      return `${root()}/openai/v1`;
    },
    config: (overrides = {}) => ({
      apiKey: "sk-test-sandbox",
      baseUrl: handle.baseUrl,
      model: "gpt-4o-mini",
      timeoutMs: 2_000,
      maxRetries: 0,
      transcription: { baseUrl: handle.baseUrl, model: "whisper-1" },
      ...overrides,
    }),
    script: async (responses) => void (await control("POST", "/_sandbox/openai/script", { responses })),
    scriptTranscriptions: async (responses) => void (await control("POST", "/_sandbox/openai/transcriptions", { responses })),
    requests: async (path) => (await control("GET", `/_sandbox/openai/requests${path ? `?path=${encodeURIComponent(path)}` : ""}`)) as RecordedOpenAiRequest[],
    reset: async () => void (await control("POST", "/_sandbox/reset")),
  };
  return handle;
}
