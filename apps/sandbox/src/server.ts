import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { registerArcaRoutes } from "./arca/routes.ts";
import { recordedBody } from "./http/recorded-body.ts";
import { registerControlRoutes } from "./control/routes.ts";
import { registerDialog360Routes } from "./dialog360/routes.ts";
import { registerDialog360PartnerRoutes } from "./dialog360-partner/routes.ts";
import { registerGeoRoutes } from "./geo/routes.ts";
import { parseBody, readRawBody } from "./http/body.ts";
import { Router } from "./http/router.ts";
import type { Reply, RequestContext } from "./http/types.ts";
import { newRecordId } from "./ids.ts";
import { registerMercadoPagoRoutes } from "./mercadopago/routes.ts";
import { registerMetaRoutes } from "./meta/routes.ts";
import { registerNotifyRoutes } from "./notify/routes.ts";
import { registerOpenAiRoutes } from "./openai/routes.ts";
import { simulatorPage } from "./simulator-page.ts";
import type { ApiProvider, RecordedRequest, SandboxState } from "./state.ts";
import { registerTwilioRoutes } from "./twilio/routes.ts";

export function buildRouter(state: SandboxState): Router {
  const router = new Router();
  router.on("GET", "/", () => ({ status: 200, text: simulatorPage(), contentType: "text/html; charset=utf-8" }));
  router.on("GET", "/health", () => ({ status: 200, json: { ok: true } }));
  registerControlRoutes(router, state);
  registerMetaRoutes(router, state);
  registerDialog360Routes(router, state);
  registerDialog360PartnerRoutes(router, state);
  registerTwilioRoutes(router, state);
  registerNotifyRoutes(router, state);
  registerOpenAiRoutes(router, state);
  registerArcaRoutes(router, state);
  registerMercadoPagoRoutes(router, state);
  registerGeoRoutes(router);
  return router;
}

export function createSandboxServer(state: SandboxState): Server {
  const router = buildRouter(state);
  return createServer((req, res) => {
    void handle(state, router, req, res).catch((error: unknown) => {
      if (!res.headersSent) write(res, { status: 500, json: { error: error instanceof Error ? error.message : String(error) } });
    });
  });
}

async function handle(state: SandboxState, router: Router, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://sandbox.local");
  const method = (req.method ?? "GET").toUpperCase();
  const rawBody = await readRawBody(req);
  const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(", ") : (v ?? "")]));
  const body = parseBody(headers["content-type"], rawBody);
  const disconnect = new AbortController();
  res.on("close", () => disconnect.abort());
  const ctx: RequestContext = {
    req,
    method,
    path: url.pathname,
    query: url.searchParams,
    params: {},
    headers,
    rawBody,
    body,
    origin: state.config.sandboxPublicUrl ?? `http://${headers.host ?? "127.0.0.1"}`,
    signal: disconnect.signal,
  };
  const record = recordFor(state, ctx);
  const matched = router.match(method, url.pathname);
  let reply: Reply;
  if (matched === undefined) reply = { status: 404, json: { error: `no route for ${method} ${url.pathname}` } };
  else if (matched === "method-not-allowed") reply = { status: 405, json: { error: `method ${method} not allowed on ${url.pathname}` } };
  else reply = await matched.handler({ ...ctx, params: matched.params });
  if (record) record.response = { status: reply.dropped ? 0 : reply.status, body: replyBody(reply) };
  if (reply.dropped) {
    res.destroy();
    return;
  }
  write(res, reply);
}

function write(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { ...(reply.headers ?? {}) };
  let payload: string | Buffer = "";
  if (reply.bytes) {
    payload = reply.bytes;
    headers["content-type"] = reply.contentType ?? "application/octet-stream";
  } else if (reply.text !== undefined) {
    payload = reply.text;
    headers["content-type"] = reply.contentType ?? "text/plain; charset=utf-8";
  } else if (reply.json !== undefined) {
    payload = JSON.stringify(reply.json);
    headers["content-type"] = "application/json; charset=utf-8";
  }
  res.writeHead(reply.status, headers);
  res.end(payload);
}

const PREFIXES: [string, ApiProvider][] = [
  ["/meta/", "meta"],
  ["/d360/", "dialog360"],
  ["/dialog360/", "dialog360"],
  ["/twilio/", "twilio"],
];

/** Provider API calls are recorded (request and answer) so tests can assert the exact bytes our clients sent. */
function recordFor(state: SandboxState, ctx: RequestContext): RecordedRequest | undefined {
  const provider = PREFIXES.find(([prefix]) => ctx.path.startsWith(prefix))?.[1];
  if (!provider) return undefined;
  const binary = ctx.body.kind === "multipart";
  const record: RecordedRequest = {
    id: newRecordId("req"),
    provider,
    method: ctx.method,
    path: ctx.path,
    query: Object.fromEntries(ctx.query),
    headers: ctx.headers,
    body: recordedBody(ctx.body),
    rawBody: ctx.rawBody.toString(binary ? "base64" : "utf8"),
    rawBodyEncoding: binary ? "base64" : "utf8",
    receivedAt: new Date().toISOString(),
    response: { status: 0, body: null },
  };
  state.requests.push(record);
  return record;
}


function replyBody(reply: Reply): unknown {
  if (reply.dropped) return null;
  if (reply.bytes) return { binary: true, size: reply.bytes.length, contentType: reply.contentType };
  if (reply.text !== undefined) return reply.text;
  return reply.json ?? null;
}
