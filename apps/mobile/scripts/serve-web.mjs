#!/usr/bin/env node
// Serves the web export (apps/mobile/dist) and passes /api/* through to the CampoTech web server, so the browser sees
// one origin: the app's bearer-token calls are same-origin and the API needs no CORS (docs/mobile.md). Used by
// Playwright (e2e/mobile-app.spec.ts) and `npm start`. Usage: PORT=3216 API_URL=http://127.0.0.1:3000 node serve-web.mjs
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, request as httpRequest } from "node:http";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(process.env.MOBILE_DIST_DIR ?? fileURLToPath(new URL("../dist", import.meta.url)));
const port = Number(process.env.PORT ?? 3006);
const host = process.env.HOST ?? "127.0.0.1";
const api = new URL(process.env.API_URL ?? "http://127.0.0.1:3000");
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".json": "application/json", ".css": "text/css", ".png": "image/png", ".jpg": "image/jpeg", ".svg": "image/svg+xml", ".ico": "image/x-icon", ".ttf": "font/ttf", ".woff2": "font/woff2", ".map": "application/json" };

// Without an export the server still starts (the other browser tests share the run) and says what to do.
const missing = !existsSync(join(root, "index.html"));
if (missing) console.error(`No web export in ${root}: run \`pnpm --filter @campotech/mobile export:web\` first.`);

function proxy(req, res) {
  const upstream = httpRequest(
    { protocol: api.protocol, hostname: api.hostname, port: api.port, method: req.method, path: req.url, headers: { ...req.headers, host: api.host } },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on("error", () => {
    if (!res.headersSent) res.writeHead(502, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: { code: "BAD_GATEWAY", message: "No se pudo contactar al servidor." } }));
  });
  req.pipe(upstream);
}

function serveFile(req, res) {
  if (missing) return void res.writeHead(503, { "content-type": "text/plain; charset=utf-8" }).end("Falta el export web de la app: pnpm --filter @campotech/mobile export:web");
  const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
  let file = normalize(join(root, path));
  if (!file.startsWith(root)) return void res.writeHead(400).end();
  // Single-page app: unknown paths get index.html.
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, "index.html");
  const immutable = file.includes("/_expo/static/");
  res.writeHead(200, {
    "content-type": TYPES[extname(file)] ?? "application/octet-stream",
    "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
  });
  createReadStream(file).pipe(res);
}

createServer((req, res) => {
  if (req.url === "/health") return void res.writeHead(200, { "content-type": "text/plain" }).end("ok");
  if (req.url?.startsWith("/api/")) return proxy(req, res);
  if (req.method !== "GET" && req.method !== "HEAD") return void res.writeHead(405).end();
  serveFile(req, res);
}).listen(port, host, () => console.log(`> CampoTech app (web export) on http://${host}:${port} → API ${api.origin}`));
