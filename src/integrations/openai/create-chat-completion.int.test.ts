import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { createChatCompletion } from "./create-chat-completion";
import { OpenAiError } from "./openai-error";
import { useOpenAiSandbox } from "./sandbox-harness";
import { toAssistantMessage } from "./to-assistant-message";
import type { ChatMessage, ChatTool } from "./types";

// Real HTTP round trips through the openai SDK against apps/sandbox's OpenAI-compatible server.
const openai = useOpenAiSandbox();

const TOOLS: ChatTool[] = [
  {
    type: "function",
    function: {
      name: "buscar_turnos",
      description: "Turnos libres de un día",
      parameters: { type: "object", properties: { dia: { type: "string", format: "date" } }, required: ["dia"], additionalProperties: false },
    },
  },
];
const SYSTEM: ChatMessage = { role: "system", content: "Sos el asistente de Plomería Del Sur." };

async function failure(promise: Promise<unknown>): Promise<OpenAiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OpenAiError);
  return error as OpenAiError;
}

describe("createChatCompletion", () => {
  it("returns a content reply with usage", async () => {
    await openai.script([{ content: "¡Hola! ¿En qué te ayudo?" }]);
    const result = await createChatCompletion(openai.config(), { messages: [SYSTEM, { role: "user", content: "hola" }], temperature: 0.2, maxTokens: 200 });
    expect(result.message).toEqual({ content: "¡Hola! ¿En qué te ayudo?", toolCalls: [] });
    expect(result.finishReason).toBe("stop");
    expect(result.id).toMatch(/^chatcmpl-/);
    expect(result.model).toBe("gpt-4o-mini");
    expect(result.usage?.totalTokens).toBe((result.usage?.promptTokens ?? 0) + (result.usage?.completionTokens ?? 0));
    const [request] = await openai.requests("chat/completions");
    expect(request?.body).toEqual({ model: "gpt-4o-mini", messages: [SYSTEM, { role: "user", content: "hola" }], temperature: 0.2, max_completion_tokens: 200 });
    expect(request?.headers.authorization).toBe("Bearer [redacted]");
  });

  it("does a tool call round trip: tool call → tool result → final content, linked by tool_call_id", async () => {
    await openai.script([{ toolCalls: [{ name: "buscar_turnos", arguments: { dia: "2026-03-02" } }] }]);
    const messages: ChatMessage[] = [SYSTEM, { role: "user", content: "¿Tenés turno el lunes 2?" }];

    const first = await createChatCompletion(openai.config(), { messages, tools: TOOLS, toolChoice: "auto" });
    expect(first.finishReason).toBe("tool_calls");
    expect(first.message.content).toBeNull();
    expect(first.message.toolCalls).toEqual([{ id: expect.stringMatching(/^call_/), name: "buscar_turnos", arguments: '{"dia":"2026-03-02"}' }]);
    const call = first.message.toolCalls[0]!;

    messages.push(toAssistantMessage(first.message), { role: "tool", tool_call_id: call.id, content: "Lunes 2: 10:00 y 15:30" });
    const second = await createChatCompletion(openai.config(), { messages, tools: TOOLS });
    expect(second.finishReason).toBe("stop");
    expect(second.message).toEqual({ content: "Listo: Lunes 2: 10:00 y 15:30", toolCalls: [] });

    const [sentFirst, sentSecond] = await openai.requests("chat/completions");
    expect(sentFirst?.body.tools).toEqual(TOOLS);
    expect(sentFirst?.body.tool_choice).toBe("auto");
    expect(sentSecond?.body.messages.slice(2)).toEqual([
      { role: "assistant", content: null, tool_calls: [{ id: call.id, type: "function", function: { name: "buscar_turnos", arguments: '{"dia":"2026-03-02"}' } }] },
      { role: "tool", tool_call_id: call.id, content: "Lunes 2: 10:00 y 15:30" },
    ]);
  });

  it("maps 401 to kind auth without the key in the message", async () => {
    const error = await failure(createChatCompletion(openai.config({ apiKey: "sk-invalid-abcdef123456" }), { messages: [{ role: "user", content: "hola" }] }));
    expect(error).toMatchObject({ kind: "auth", status: 401, code: "invalid_api_key" });
    expect(error.message).not.toContain("abcdef123456");
  });

  it("maps a scripted 429 to kind rate_limited", async () => {
    await openai.script([{ error: { status: 429 } }]);
    const error = await failure(createChatCompletion(openai.config(), { messages: [{ role: "user", content: "hola" }] }));
    expect(error).toMatchObject({ kind: "rate_limited", status: 429, code: "rate_limit_exceeded" });
  });

  it("retries one 429 inside the deadline when maxRetries allows it", async () => {
    await openai.script([{ error: { status: 429 } }, { content: "segundo intento" }]);
    const result = await createChatCompletion(openai.config({ maxRetries: 1 }), { messages: [{ role: "user", content: "hola" }] });
    expect(result.message.content).toBe("segundo intento");
    expect((await openai.requests("chat/completions")).map((r) => r.response.status)).toEqual([429, 200]);
  });

  it("maps an answer slower than timeoutMs to kind timeout, at the deadline", async () => {
    await openai.script([{ delayMs: 2_000, content: "tarde" }]);
    const started = Date.now();
    const error = await failure(createChatCompletion(openai.config({ maxRetries: 1 }), { messages: [{ role: "user", content: "hola" }] }, { timeoutMs: 300 }));
    const elapsed = Date.now() - started;
    expect(error.kind).toBe("timeout");
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(1_000);
  });

  it("maps a caller's abort to kind timeout", async () => {
    await openai.script([{ delayMs: 2_000, content: "tarde" }]);
    const error = await failure(createChatCompletion(openai.config(), { messages: [{ role: "user", content: "hola" }] }, { signal: AbortSignal.timeout(100) }));
    expect(error.kind).toBe("timeout");
    expect(error.message).toMatch(/cancelled by the caller/);
  });

  it("maps 5xx to server and a request the server rejects to bad_request", async () => {
    await openai.script([{ error: { status: 503 } }]);
    expect((await failure(createChatCompletion(openai.config(), { messages: [{ role: "user", content: "hola" }] }))).kind).toBe("server");
    // A tool result that answers no tool call: the sandbox refuses it as OpenAI does.
    const orphan: ChatMessage[] = [{ role: "user", content: "hola" }, { role: "tool", tool_call_id: "call_nope", content: "{}" }];
    const error = await failure(createChatCompletion(openai.config(), { messages: orphan, tools: TOOLS }));
    expect(error).toMatchObject({ kind: "bad_request", status: 400 });
    expect(error.message).toMatch(/must be a response to a preceeding message with 'tool_calls'/);
  });

  it("maps a refused connection to kind network", async () => {
    const port = await closedPort();
    const error = await failure(createChatCompletion(openai.config({ baseUrl: `http://127.0.0.1:${port}/v1` }), { messages: [{ role: "user", content: "hola" }] }));
    expect(error.kind).toBe("network");
  });
});

// A port that was free a moment ago: nothing listens there.
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}
