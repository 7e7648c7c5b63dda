// Chat Completions request validation with OpenAI's own messages, params and codes, for the mistakes a client can
// make in a tool-call loop: missing fields, unknown roles, tool results that answer no tool call, tool calls left
// unanswered, malformed tools. The messages are copied from the API's answers (its "preceeding" typo included).

export type ChatRequest = {
  model: string;
  messages: WireMessage[];
  tools?: WireTool[];
  toolChoice?: unknown;
  temperature?: number;
};
export type WireToolCall = { id: string; type: "function"; function: { name: string; arguments: string } };
export type WireMessage = { role: string; content?: unknown; tool_calls?: WireToolCall[]; tool_call_id?: string; name?: string };
export type WireTool = { type: "function"; function: { name: string; description?: string; parameters?: unknown } };

export type ValidationError = { message: string; param: string | null; code: string | null };
type Result = { ok: true; request: ChatRequest } | { ok: false; error: ValidationError };

const ROLES = ["system", "developer", "user", "assistant", "tool", "function"];
const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

const fail = (message: string, param: string | null = null, code: string | null = null): Result => ({ ok: false, error: { message, param, code } });
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const typeName = (v: unknown): string => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v === "object" ? "object" : typeof v);

export function validateChatRequest(body: unknown): Result {
  if (!isRecord(body)) return fail("We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON. If you have trouble figuring out how to fix this, please contact us through our help center at help.openai.com.)");
  if (typeof body.model !== "string" || body.model === "") return fail("you must provide a model parameter");
  if (body.messages === undefined) return fail("Missing required parameter: 'messages'.", "messages", "missing_required_parameter");
  if (!Array.isArray(body.messages)) return fail(`Invalid type for 'messages': expected an array of objects, but got ${typeName(body.messages)} instead.`, "messages", "invalid_type");
  if (body.messages.length === 0) return fail("Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.", "messages", "empty_array");
  if (body.stream === true) {
    // Not an OpenAI rule: the sandbox answers whole completions only, and says so the way OpenAI refuses a value.
    return fail("The CampoTech sandbox does not support 'stream': true. Call chat/completions without streaming.", "stream", "unsupported_value");
  }
  if (body.temperature !== undefined) {
    if (typeof body.temperature !== "number") return fail(`Invalid type for 'temperature': expected a decimal, but got ${typeName(body.temperature)} instead.`, "temperature", "invalid_type");
    if (body.temperature > 2) return fail(`Invalid 'temperature': decimal above maximum value. Expected a value <= 2, but got ${body.temperature} instead.`, "temperature", "decimal_above_max_value");
    if (body.temperature < 0) return fail(`Invalid 'temperature': decimal below minimum value. Expected a value >= 0, but got ${body.temperature} instead.`, "temperature", "decimal_below_min_value");
  }

  const tools = validateTools(body.tools);
  if (!tools.ok) return tools;
  const toolChoice = validateToolChoice(body.tool_choice, tools.tools);
  if (toolChoice) return toolChoice;
  const messages = validateMessages(body.messages);
  if (messages) return messages;

  return {
    ok: true,
    request: {
      model: body.model,
      messages: body.messages as WireMessage[],
      ...(tools.tools ? { tools: tools.tools } : {}),
      ...(body.tool_choice !== undefined ? { toolChoice: body.tool_choice } : {}),
      ...(typeof body.temperature === "number" ? { temperature: body.temperature } : {}),
    },
  };
}

function validateTools(tools: unknown): { ok: true; tools?: WireTool[] } | (Result & { ok: false }) {
  if (tools === undefined || tools === null) return { ok: true };
  if (!Array.isArray(tools)) return { ok: false, error: { message: `Invalid type for 'tools': expected an array of objects, but got ${typeName(tools)} instead.`, param: "tools", code: "invalid_type" } };
  if (tools.length === 0) return { ok: false, error: { message: "Invalid 'tools': empty array. Expected an array with minimum length 1, but got an empty array instead.", param: "tools", code: "empty_array" } };
  for (const [i, tool] of tools.entries()) {
    const at = `tools[${i}]`;
    if (!isRecord(tool)) return { ok: false, error: { message: `Invalid type for '${at}': expected an object, but got ${typeName(tool)} instead.`, param: at, code: "invalid_type" } };
    if (tool.type !== "function") return { ok: false, error: { message: `Invalid value: '${String(tool.type)}'. Supported values are: 'function' and 'custom'.`, param: `${at}.type`, code: "invalid_value" } };
    const fn = tool.function;
    if (!isRecord(fn)) return { ok: false, error: { message: `Missing required parameter: '${at}.function'.`, param: `${at}.function`, code: "missing_required_parameter" } };
    if (typeof fn.name !== "string") return { ok: false, error: { message: `Missing required parameter: '${at}.function.name'.`, param: `${at}.function.name`, code: "missing_required_parameter" } };
    if (!TOOL_NAME.test(fn.name)) {
      return { ok: false, error: { message: `Invalid '${at}.function.name': string does not match pattern. Expected a string that matches the pattern '^[a-zA-Z0-9_-]+$'.`, param: `${at}.function.name`, code: "invalid_value" } };
    }
    if (fn.parameters !== undefined && (!isRecord(fn.parameters) || (fn.parameters.type !== undefined && fn.parameters.type !== "object"))) {
      return { ok: false, error: { message: `Invalid schema for function '${fn.name}': schema must be a JSON Schema of 'type: "object"', got 'type: "${isRecord(fn.parameters) ? String(fn.parameters.type) : typeName(fn.parameters)}"'.`, param: `${at}.function.parameters`, code: "invalid_function_parameters" } };
    }
  }
  const names = tools.map((t) => (t as WireTool).function.name);
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate) return { ok: false, error: { message: `Invalid 'tools': function name '${duplicate}' is defined more than once.`, param: "tools", code: "invalid_value" } };
  return { ok: true, tools: tools as WireTool[] };
}

function validateToolChoice(choice: unknown, tools: WireTool[] | undefined): Result | undefined {
  if (choice === undefined || choice === null) return undefined;
  if (!tools) return fail("Invalid value for 'tool_choice': 'tool_choice' is only allowed when 'tools' are specified.", "tool_choice");
  if (choice === "none" || choice === "auto" || choice === "required") return undefined;
  if (isRecord(choice) && choice.type === "function" && isRecord(choice.function) && typeof choice.function.name === "string") {
    const name = choice.function.name;
    if (!tools.some((t) => t.function.name === name)) return fail(`Invalid value for 'tool_choice': function '${name}' not found in 'tools'.`, "tool_choice", "invalid_value");
    return undefined;
  }
  return fail("Invalid value for 'tool_choice': expected 'none', 'auto', 'required' or {\"type\": \"function\", \"function\": {\"name\": …}}.", "tool_choice", "invalid_value");
}

function validateMessages(messages: unknown[]): Result | undefined {
  // Tool call ids of the last assistant message that still wait for their tool message, and where it was.
  let pending: { ids: Set<string>; index: number } | undefined;
  const unanswered = (p: { ids: Set<string>; index: number }): Result =>
    fail(
      `An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: ${[...p.ids].join(", ")}`,
      `messages.[${p.index}].role`,
    );

  for (const [i, message] of messages.entries()) {
    const at = `messages[${i}]`;
    if (!isRecord(message)) return fail(`Invalid type for '${at}': expected an object, but got ${typeName(message)} instead.`, at, "invalid_type");
    if (message.role === undefined) return fail(`Missing required parameter: '${at}.role'.`, `${at}.role`, "missing_required_parameter");
    if (typeof message.role !== "string" || !ROLES.includes(message.role)) {
      return fail(`Invalid value: '${String(message.role)}'. Supported values are: 'system', 'assistant', 'user', 'function', 'tool', and 'developer'.`, `${at}.role`, "invalid_value");
    }
    const role = message.role;

    if (role === "tool") {
      if (typeof message.tool_call_id !== "string") return fail("Missing parameter 'tool_call_id': messages with role 'tool' must have a 'tool_call_id'.", `messages.[${i}].tool_call_id`);
      if (!pending?.ids.has(message.tool_call_id)) return fail("Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.", `messages.[${i}].role`);
      pending.ids.delete(message.tool_call_id);
    } else if (pending && pending.ids.size > 0) {
      return unanswered(pending);
    } else {
      pending = undefined;
    }

    const contentError = checkContent(role, message, i);
    if (contentError) return contentError;

    if (role === "assistant" && message.tool_calls !== undefined && message.tool_calls !== null) {
      if (!Array.isArray(message.tool_calls)) return fail(`Invalid type for '${at}.tool_calls': expected an array of objects, but got ${typeName(message.tool_calls)} instead.`, `${at}.tool_calls`, "invalid_type");
      if (message.tool_calls.length === 0) return fail(`Invalid '${at}.tool_calls': empty array. Expected an array with minimum length 1, but got an empty array instead.`, `${at}.tool_calls`, "empty_array");
      const ids = new Set<string>();
      for (const [j, call] of message.tool_calls.entries()) {
        const callAt = `${at}.tool_calls[${j}]`;
        if (!isRecord(call)) return fail(`Invalid type for '${callAt}': expected an object, but got ${typeName(call)} instead.`, callAt, "invalid_type");
        if (typeof call.id !== "string") return fail(`Missing required parameter: '${callAt}.id'.`, `${callAt}.id`, "missing_required_parameter");
        if (call.type !== "function") return fail(`Missing required parameter: '${callAt}.type'.`, `${callAt}.type`, "missing_required_parameter");
        if (!isRecord(call.function)) return fail(`Missing required parameter: '${callAt}.function'.`, `${callAt}.function`, "missing_required_parameter");
        if (typeof call.function.name !== "string") return fail(`Missing required parameter: '${callAt}.function.name'.`, `${callAt}.function.name`, "missing_required_parameter");
        if (typeof call.function.arguments !== "string") {
          return fail(`Invalid type for '${callAt}.function.arguments': expected a string, but got ${typeName(call.function.arguments)} instead.`, `${callAt}.function.arguments`, "invalid_type");
        }
        ids.add(call.id);
      }
      pending = { ids, index: i };
    }
  }
  if (pending && pending.ids.size > 0) return unanswered(pending);
  return undefined;
}

function checkContent(role: string, message: Record<string, unknown>, i: number): Result | undefined {
  const content = message.content;
  const param = `messages[${i}].content`;
  const hasToolCalls = Array.isArray(message.tool_calls) && message.tool_calls.length > 0;
  if (content === undefined || content === null) {
    if (role === "assistant" && hasToolCalls) return undefined;
    if (role === "assistant") return fail("Invalid value for 'content': expected a string, got null.", `messages.[${i}].content`);
    return fail(`Missing required parameter: '${param}'.`, param, "missing_required_parameter");
  }
  if (typeof content === "string") return undefined;
  if (Array.isArray(content) && content.every((part) => isRecord(part) && typeof part.type === "string")) return undefined;
  return fail(`Invalid type for '${param}': expected one of a string or array of objects, but got ${typeName(content)} instead.`, param, "invalid_type");
}
