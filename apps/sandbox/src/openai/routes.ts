import { newRecordId } from "../ids.ts";
import { recordedBody } from "../http/recorded-body.ts";
import type { Router } from "../http/router.ts";
import { json, type Handler, type Reply, type RequestContext } from "../http/types.ts";
import type { SandboxState } from "../state.ts";
import { bodyOf } from "../control/config-routes.ts";
import { handleChatCompletion } from "./chat-completions.ts";
import { chatScriptBodySchema, transcriptionScriptBodySchema } from "./script.ts";
import { openAiStateOf, type OpenAiRecordedRequest } from "./state.ts";
import { handleTranscription } from "./transcriptions.ts";

// An OpenAI-compatible API under /openai/v1 (so OPENAI_BASE_URL=http://127.0.0.1:4010/openai/v1), and its control
// endpoints under /_sandbox/openai. Scripts and recordings are cleared by POST /_sandbox/reset.
export const OPENAI_PREFIX = "/openai/v1";

export function registerOpenAiRoutes(router: Router, state: SandboxState): void {
  router.on("POST", `${OPENAI_PREFIX}/chat/completions`, recorded(state, (ctx) => handleChatCompletion(state, ctx)));
  router.on("POST", `${OPENAI_PREFIX}/audio/transcriptions`, recorded(state, (ctx) => handleTranscription(state, ctx)));

  router.on("GET", "/_sandbox/openai/script", () => json(200, { responses: openAiStateOf(state).chatScript }));
  router.on("POST", "/_sandbox/openai/script", (ctx) => {
    const parsed = chatScriptBodySchema.safeParse(bodyOf(ctx));
    if (!parsed.success) return json(400, { error: "invalid script: expected {responses:[{content}|{toolCalls:[{name,arguments}]}|{error:{status,…}}|{delayMs}]}", issues: parsed.error.issues });
    const script = openAiStateOf(state).chatScript;
    script.push(...parsed.data.responses);
    return json(201, { queued: script.length });
  });
  router.on("DELETE", "/_sandbox/openai/script", () => {
    openAiStateOf(state).chatScript.length = 0;
    return json(200, { cleared: true });
  });

  router.on("GET", "/_sandbox/openai/transcriptions", () => json(200, { responses: openAiStateOf(state).transcriptionScript }));
  router.on("POST", "/_sandbox/openai/transcriptions", (ctx) => {
    const parsed = transcriptionScriptBodySchema.safeParse(bodyOf(ctx));
    if (!parsed.success) return json(400, { error: "invalid script: expected {responses:[\"text\"|{text}|{error:{status,…}}|{delayMs}]}", issues: parsed.error.issues });
    const script = openAiStateOf(state).transcriptionScript;
    script.push(...parsed.data.responses);
    return json(201, { queued: script.length });
  });
  router.on("DELETE", "/_sandbox/openai/transcriptions", () => {
    openAiStateOf(state).transcriptionScript.length = 0;
    return json(200, { cleared: true });
  });

  router.on("GET", "/_sandbox/openai/requests", (ctx) => {
    const path = ctx.query.get("path");
    return json(200, openAiStateOf(state).requests.filter((r) => !path || r.path.includes(path)));
  });
  router.on("DELETE", "/_sandbox/openai/requests", () => {
    openAiStateOf(state).requests.length = 0;
    return json(200, { cleared: true });
  });
}

/** Records the request (key redacted) and, once answered, the answer, so tests can assert what our client sent. */
function recorded(state: SandboxState, handler: Handler): Handler {
  return async (ctx: RequestContext): Promise<Reply> => {
    const record: OpenAiRecordedRequest = {
      id: newRecordId("oai"),
      method: ctx.method,
      path: ctx.path,
      headers: redactAuthorization(ctx.headers),
      body: recordedBody(ctx.body),
      receivedAt: new Date().toISOString(),
      response: { status: 0, body: null },
    };
    openAiStateOf(state).requests.push(record);
    const reply = await handler(ctx);
    record.response = { status: reply.dropped ? 0 : reply.status, body: reply.dropped ? null : (reply.json ?? reply.text ?? null) };
    return reply;
  };
}

function redactAuthorization(headers: Record<string, string>): Record<string, string> {
  const { authorization, ...rest } = headers;
  if (authorization === undefined) return rest;
  return { ...rest, authorization: /^bearer\s/i.test(authorization) ? "Bearer [redacted]" : "[redacted]" };
}

