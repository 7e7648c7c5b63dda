import { describe, expect, it } from "vitest";
import { type Json, type TestSandbox, useSandbox } from "./helpers.ts";

let sb: TestSandbox;
useSandbox((s) => {
  sb = s;
});

const CHAT = "/openai/v1/chat/completions";
const TRANSCRIBE = "/openai/v1/audio/transcriptions";
const KEY = { authorization: "Bearer sk-test-key" };
const TOOLS = [
  {
    type: "function",
    function: { name: "buscar_turnos", description: "Turnos libres", parameters: { type: "object", properties: { dia: { type: "string" } }, required: ["dia"] } },
  },
];

const chat = (body: unknown, headers: Record<string, string> = KEY) => sb.call("POST", CHAT, { json: body, headers });

function audioForm(content: string | Buffer, filename = "nota.ogg", fields: Record<string, string> = { model: "whisper-1", language: "es" }): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append("file", new Blob([typeof content === "string" ? content : new Uint8Array(content)], { type: "audio/ogg" }), filename);
  return form;
}

describe("OpenAI chat completions: auth", () => {
  it("answers 401 with OpenAI's body when the Bearer key is missing", async () => {
    const res = await sb.call("POST", CHAT, { json: { model: "gpt-4o-mini", messages: [{ role: "user", content: "hola" }] } });
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ error: { message: expect.stringContaining("You didn't provide an API key"), type: "invalid_request_error", param: null, code: "invalid_api_key" } });
  });

  it("rejects keys starting with sk-invalid as OpenAI rejects a revoked key, masking it", async () => {
    const res = await chat({ model: "gpt-4o-mini", messages: [{ role: "user", content: "hola" }] }, { authorization: "Bearer sk-invalid-0123456789abcd" });
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe("invalid_api_key");
    expect(res.json.error.message).toMatch(/^Incorrect API key provided: sk-\*+abcd\./);
    expect(res.text).not.toContain("sk-invalid-0123456789abcd");
  });
});

describe("OpenAI chat completions: validation", () => {
  const user = { role: "user", content: "hola" };
  const cases: [string, unknown, { param: string | null; code: string | null; message: RegExp }][] = [
    ["no model", { messages: [user] }, { param: null, code: null, message: /you must provide a model parameter/ }],
    ["no messages", { model: "m" }, { param: "messages", code: "missing_required_parameter", message: /Missing required parameter: 'messages'/ }],
    ["empty messages", { model: "m", messages: [] }, { param: "messages", code: "empty_array", message: /empty array/ }],
    ["unknown role", { model: "m", messages: [{ role: "robot", content: "x" }] }, { param: "messages[0].role", code: "invalid_value", message: /Invalid value: 'robot'/ }],
    ["user without content", { model: "m", messages: [{ role: "user" }] }, { param: "messages[0].content", code: "missing_required_parameter", message: /Missing required parameter/ }],
    [
      "tool message without a preceding tool call",
      { model: "m", messages: [user, { role: "tool", tool_call_id: "call_x", content: "{}" }] },
      { param: "messages.[1].role", code: null, message: /must be a response to a preceeding message with 'tool_calls'/ },
    ],
    [
      "tool message answering an id that was not called",
      {
        model: "m",
        messages: [user, { role: "assistant", content: null, tool_calls: [{ id: "call_a", type: "function", function: { name: "buscar_turnos", arguments: "{}" } }] }, { role: "tool", tool_call_id: "call_b", content: "{}" }],
      },
      { param: "messages.[2].role", code: null, message: /preceeding message with 'tool_calls'/ },
    ],
    [
      "tool message without tool_call_id",
      { model: "m", messages: [user, { role: "tool", content: "{}" }] },
      { param: "messages.[1].tool_call_id", code: null, message: /must have a 'tool_call_id'/ },
    ],
    [
      "tool calls left unanswered",
      { model: "m", messages: [user, { role: "assistant", content: null, tool_calls: [{ id: "call_a", type: "function", function: { name: "buscar_turnos", arguments: "{}" } }] }, user] },
      { param: "messages.[1].role", code: null, message: /did not have response messages: call_a/ },
    ],
    [
      "tool call arguments as an object",
      { model: "m", messages: [user, { role: "assistant", content: null, tool_calls: [{ id: "call_a", type: "function", function: { name: "f", arguments: {} } }] }] },
      { param: "messages[1].tool_calls[0].function.arguments", code: "invalid_type", message: /expected a string/ },
    ],
    ["empty tools", { model: "m", messages: [user], tools: [] }, { param: "tools", code: "empty_array", message: /empty array/ }],
    [
      "tool name with spaces",
      { model: "m", messages: [user], tools: [{ type: "function", function: { name: "buscar turnos" } }] },
      { param: "tools[0].function.name", code: "invalid_value", message: /does not match pattern/ },
    ],
    ["tool_choice without tools", { model: "m", messages: [user], tool_choice: "auto" }, { param: "tool_choice", code: null, message: /only allowed when 'tools' are specified/ }],
    [
      "tool_choice naming an unknown function",
      { model: "m", messages: [user], tools: TOOLS, tool_choice: { type: "function", function: { name: "otra" } } },
      { param: "tool_choice", code: "invalid_value", message: /function 'otra' not found/ },
    ],
    ["temperature above 2", { model: "m", messages: [user], temperature: 3 }, { param: "temperature", code: "decimal_above_max_value", message: /Expected a value <= 2/ }],
    ["stream: true (not supported by the sandbox)", { model: "m", messages: [user], stream: true }, { param: "stream", code: "unsupported_value", message: /does not support 'stream': true/ }],
  ];

  it.each(cases)("400 for %s", async (_name, body, expected) => {
    const res = await chat(body);
    expect(res.status).toBe(400);
    expect(res.json.error).toEqual({ message: expect.stringMatching(expected.message), type: "invalid_request_error", param: expected.param, code: expected.code });
  });

  it("400 for a body that is not JSON", async () => {
    const res = await sb.call("POST", CHAT, { body: "{nope", headers: { ...KEY, "content-type": "application/json" } });
    expect(res.status).toBe(400);
    expect(res.json.error.message).toMatch(/could not parse the JSON body/);
  });
});

describe("OpenAI chat completions: answers", () => {
  it("answers a user message with a deterministic Spanish acknowledgement in the real wire format", async () => {
    const res = await chat({ model: "gpt-4o-mini", messages: [{ role: "system", content: "Sos el asistente." }, { role: "user", content: "Se me rompió el calefón" }], tools: TOOLS });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("x-request-id")).toMatch(/^req_/);
    const body: Json = res.json;
    expect(body.id).toMatch(/^chatcmpl-[A-Za-z0-9]{29}$/);
    expect(body).toMatchObject({ object: "chat.completion", model: "gpt-4o-mini" });
    expect(Math.abs(body.created - Date.now() / 1000)).toBeLessThan(5);
    expect(body.choices).toEqual([
      {
        index: 0,
        message: { role: "assistant", content: 'Recibí tu mensaje: "Se me rompió el calefón". Enseguida te ayudo.', refusal: null, annotations: [] },
        logprobs: null,
        finish_reason: "stop",
      },
    ]);
    expect(body.usage.total_tokens).toBe(body.usage.prompt_tokens + body.usage.completion_tokens);
    expect(body.usage.prompt_tokens).toBeGreaterThan(0);
  });

  it("plays a scripted tool call, then summarizes the tool result by default", async () => {
    const queued = await sb.call("POST", "/_sandbox/openai/script", { json: { responses: [{ toolCalls: [{ name: "buscar_turnos", arguments: { dia: "2026-03-02" } }] }] } });
    expect(queued.status).toBe(201);
    const messages: Json[] = [{ role: "user", content: "¿Tenés turno el lunes?" }];
    const first = await chat({ model: "gpt-4o-mini", messages, tools: TOOLS });
    expect(first.status).toBe(200);
    const message = first.json.choices[0].message;
    expect(first.json.choices[0].finish_reason).toBe("tool_calls");
    expect(message.content).toBeNull();
    expect(message.tool_calls).toEqual([{ id: expect.stringMatching(/^call_[A-Za-z0-9]{24}$/), type: "function", function: { name: "buscar_turnos", arguments: '{"dia":"2026-03-02"}' } }]);

    messages.push(message, { role: "tool", tool_call_id: message.tool_calls[0].id, content: "Lunes 10:00 y 15:00" });
    const second = await chat({ model: "gpt-4o-mini", messages, tools: TOOLS });
    expect(second.status).toBe(200);
    expect(second.json.choices[0]).toMatchObject({ finish_reason: "stop", message: { content: "Listo: Lunes 10:00 y 15:00" } });
  });

  it("plays scripted replies in order: content, raw arguments text, parallel calls with given ids", async () => {
    await sb.call("POST", "/_sandbox/openai/script", {
      json: {
        responses: [
          { content: "Hola, ¿en qué barrio estás?" },
          { toolCalls: [{ name: "buscar_turnos", arguments: "{not json" }] },
          { toolCalls: [{ id: "call_uno", name: "buscar_turnos", arguments: { dia: "lunes" } }, { id: "call_dos", name: "buscar_turnos", arguments: { dia: "martes" } }] },
        ],
      },
    });
    expect((await sb.call("GET", "/_sandbox/openai/script")).json.responses).toHaveLength(3);
    const body = { model: "m", messages: [{ role: "user", content: "hola" }], tools: TOOLS };
    expect((await chat(body)).json.choices[0].message.content).toBe("Hola, ¿en qué barrio estás?");
    expect((await chat(body)).json.choices[0].message.tool_calls[0].function.arguments).toBe("{not json");
    const parallel = (await chat(body)).json.choices[0].message.tool_calls;
    expect(parallel.map((c: Json) => [c.id, c.function.arguments])).toEqual([["call_uno", '{"dia":"lunes"}'], ["call_dos", '{"dia":"martes"}']]);
    // The queue is empty again: the default reply.
    expect((await chat(body)).json.choices[0].message.content).toMatch(/^Recibí tu mensaje/);
  });

  it("answers a scripted error with OpenAI's body and defaults per status", async () => {
    await sb.call("POST", "/_sandbox/openai/script", { json: { responses: [{ error: { status: 429 } }, { error: { status: 500, message: "boom" } }] } });
    const limited = await chat({ model: "m", messages: [{ role: "user", content: "hola" }] });
    expect(limited.status).toBe(429);
    expect(limited.json.error).toMatchObject({ type: "requests", code: "rate_limit_exceeded", param: null, message: expect.stringMatching(/^Rate limit reached/) });
    const failed = await chat({ model: "m", messages: [{ role: "user", content: "hola" }] });
    expect(failed.status).toBe(500);
    expect(failed.json.error).toEqual({ message: "boom", type: "server_error", param: null, code: null });
  });

  it("holds a scripted answer for delayMs", async () => {
    await sb.call("POST", "/_sandbox/openai/script", { json: { responses: [{ delayMs: 150, content: "tarde" }] } });
    const started = Date.now();
    const res = await chat({ model: "m", messages: [{ role: "user", content: "hola" }] });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(res.json.choices[0].message.content).toBe("tarde");
  });

  it("refuses an invalid script", async () => {
    expect((await sb.call("POST", "/_sandbox/openai/script", { json: { responses: [{}] } })).status).toBe(400);
    expect((await sb.call("POST", "/_sandbox/openai/script", { json: { responses: [{ content: "x", error: { status: 500 } }] } })).status).toBe(400);
    expect((await sb.call("POST", "/_sandbox/openai/script", { json: [{ content: "x" }] })).status).toBe(400);
  });
});

describe("OpenAI control API", () => {
  it("records requests with the key redacted, and reset clears scripts and recordings", async () => {
    await sb.call("POST", "/_sandbox/openai/script", { json: { responses: [{ content: "uno" }, { content: "dos" }] } });
    await chat({ model: "gpt-4o-mini", messages: [{ role: "user", content: "hola" }], tools: TOOLS, tool_choice: "auto" }, { authorization: "Bearer sk-secret-value" });
    const recorded = (await sb.call("GET", "/_sandbox/openai/requests?path=chat/completions")).json;
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ method: "POST", path: CHAT, body: { model: "gpt-4o-mini", tools: TOOLS, tool_choice: "auto" }, response: { status: 200 } });
    expect(recorded[0].headers.authorization).toBe("Bearer [redacted]");
    expect(JSON.stringify(recorded)).not.toContain("sk-secret-value");
    expect(recorded[0].response.body.choices[0].message.content).toBe("uno");

    await sb.call("POST", "/_sandbox/reset");
    expect((await sb.call("GET", "/_sandbox/openai/requests")).json).toEqual([]);
    expect((await sb.call("GET", "/_sandbox/openai/script")).json.responses).toEqual([]);
    expect((await chat({ model: "m", messages: [{ role: "user", content: "hola" }] })).json.choices[0].message.content).toMatch(/^Recibí tu mensaje/);
  });
});

describe("OpenAI audio transcriptions", () => {
  it("returns the text after TRANSCRIPT: in the uploaded bytes, else a fixed Spanish text", async () => {
    const spoken = "TRANSCRIPT: Hola, se me inundó el baño";
    const marked = await sb.call("POST", TRANSCRIBE, { body: audioForm(spoken), headers: KEY });
    expect(marked.status).toBe(200);
    expect(marked.json).toEqual({ text: "Hola, se me inundó el baño" });
    const noise = await sb.call("POST", TRANSCRIBE, { body: audioForm(Buffer.from([0x4f, 0x67, 0x67, 0x53, 0, 2])), headers: KEY });
    expect(noise.json).toEqual({ text: "audio sin contenido reconocible" });
    const recorded = (await sb.call("GET", "/_sandbox/openai/requests?path=audio")).json;
    expect(recorded[0].body).toEqual({ fields: { model: "whisper-1", language: "es" }, files: [{ field: "file", filename: "nota.ogg", mimeType: "audio/ogg", size: Buffer.byteLength(spoken) }] });
  });

  it("plays scripted transcriptions and errors in order", async () => {
    await sb.call("POST", "/_sandbox/openai/transcriptions", { json: { responses: ["primera", { text: "segunda" }, { error: { status: 503 } }] } });
    const texts = [];
    for (let i = 0; i < 3; i++) texts.push(await sb.call("POST", TRANSCRIBE, { body: audioForm("x"), headers: KEY }));
    expect(texts.map((r) => r.status)).toEqual([200, 200, 503]);
    expect(texts[0]?.json.text).toBe("primera");
    expect(texts[1]?.json.text).toBe("segunda");
    expect(texts[2]?.json.error.type).toBe("server_error");
  });

  it("answers text when response_format is text", async () => {
    const res = await sb.call("POST", TRANSCRIBE, { body: audioForm("TRANSCRIPT: hola", "nota.ogg", { model: "whisper-1", response_format: "text" }), headers: KEY });
    expect(res.status).toBe(200);
    expect(res.text).toBe("hola\n");
  });

  it("validates like OpenAI: key, multipart, model, file extension, language", async () => {
    expect((await sb.call("POST", TRANSCRIBE, { body: audioForm("x") })).status).toBe(401);
    const json = await sb.call("POST", TRANSCRIBE, { json: { model: "whisper-1" }, headers: KEY });
    expect(json.status).toBe(400);
    expect(json.json.error.message).toMatch(/expected multipart\/form-data/);
    const noModel = await sb.call("POST", TRANSCRIBE, { body: audioForm("x", "nota.ogg", {}), headers: KEY });
    expect(noModel.json.error.message).toBe("you must provide a model parameter");
    const noExtension = await sb.call("POST", TRANSCRIBE, { body: audioForm("x", "nota"), headers: KEY });
    expect(noExtension.status).toBe(400);
    expect(noExtension.json.error.message).toMatch(/^Invalid file format. Supported formats: \['flac'/);
    const badLanguage = await sb.call("POST", TRANSCRIBE, { body: audioForm("x", "nota.ogg", { model: "whisper-1", language: "spanish" }), headers: KEY });
    expect(badLanguage.json.error).toMatchObject({ param: "language", code: "invalid_language_format" });
    const noFile = new FormData();
    noFile.append("model", "whisper-1");
    expect((await sb.call("POST", TRANSCRIBE, { body: noFile, headers: KEY })).json.error.param).toBe("file");
  });
});
