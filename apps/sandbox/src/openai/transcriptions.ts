import { holdFor } from "../faults.ts";
import type { Reply, RequestContext } from "../http/types.ts";
import type { SandboxState } from "../state.ts";
import { checkApiKey } from "./auth.ts";
import { openAiError, scriptedErrorReply } from "./errors.ts";
import { openAiStateOf } from "./state.ts";

// OpenAI picks the decoder by the file name's extension, not the part's content type: "nota" without ".ogg" fails.
const FORMATS = ["flac", "m4a", "mp3", "mp4", "mpeg", "mpga", "oga", "ogg", "wav", "webm"];
const MAX_BYTES = 25 * 1024 * 1024;
const MARKER = "TRANSCRIPT:";
export const UNRECOGNIZED_AUDIO_TEXT = "audio sin contenido reconocible";

/** POST /openai/v1/audio/transcriptions (multipart: file, model, language?, prompt?, response_format?). */
export async function handleTranscription(state: SandboxState, ctx: RequestContext): Promise<Reply> {
  const denied = checkApiKey(ctx);
  if (denied) return denied;
  if (ctx.body.kind !== "multipart") {
    return openAiError(400, `Invalid Content-Type header (${ctx.headers["content-type"] || "none"}), expected multipart/form-data. (HINT: If you're using curl, you can pass form data with \`-F\`)`);
  }
  const { fields, files } = ctx.body;
  const file = files.find((f) => f.field === "file");
  if (!file) return openAiError(400, "Missing required parameter: 'file'.", { param: "file", code: "missing_required_parameter" });
  if (!fields.model) return openAiError(400, "you must provide a model parameter");
  if (file.data.length > MAX_BYTES) return openAiError(413, `Maximum content size limit (${MAX_BYTES}) exceeded (${file.data.length} bytes read)`, { type: "server_error" });
  const extension = /\.([a-z0-9]+)$/i.exec(file.filename)?.[1]?.toLowerCase();
  if (!extension || !FORMATS.includes(extension)) {
    return openAiError(400, `Invalid file format. Supported formats: [${FORMATS.map((f) => `'${f}'`).join(", ")}]`, { param: "file", code: "invalid_value" });
  }
  if (fields.language !== undefined && !/^[a-z]{2}$/.test(fields.language)) {
    return openAiError(400, `Invalid language '${fields.language}'. Language parameter must be specified in ISO-639-1 format.`, { param: "language", code: "invalid_language_format" });
  }
  const format = fields.response_format ?? "json";
  if (!["json", "text", "verbose_json"].includes(format)) {
    return openAiError(400, `The CampoTech sandbox answers response_format json, text or verbose_json, not '${format}'.`, { param: "response_format", code: "unsupported_value" });
  }

  const scripted = openAiStateOf(state).transcriptionScript.shift();
  if (scripted?.delayMs) {
    const outcome = await holdFor(scripted.delayMs, [ctx.signal, state.lifecycle.signal]);
    if (outcome === "aborted") return { status: 0, dropped: true };
  }
  if (scripted?.error) return scriptedErrorReply(scripted.error);
  const text = scripted?.text ?? defaultTranscript(file.data);

  if (format === "text") return { status: 200, text: `${text}\n` };
  if (format === "verbose_json") {
    return { status: 200, json: { task: "transcribe", language: fields.language === "es" ? "spanish" : (fields.language ?? "spanish"), duration: 1, text, segments: [] } };
  }
  return { status: 200, json: { text } };
}

/** Test audio can be plain UTF-8 "TRANSCRIPT: <text>"; anything else is audio the emulated model cannot understand. */
function defaultTranscript(data: Buffer): string {
  const head = data.subarray(0, MARKER.length).toString("utf8");
  if (head === MARKER) return data.subarray(MARKER.length).toString("utf8").trim();
  return UNRECOGNIZED_AUDIO_TEXT;
}
