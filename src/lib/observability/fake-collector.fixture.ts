import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync, inflateSync } from "node:zlib";

// A local stand-in for Sentry's ingest and PostHog's capture API in tests: accepts any POST, decompresses it and
// records it. Sentry envelopes arrive at /api/<project>/envelope/; PostHog batches at /batch/, /e/, /i/v0/e/ …
export type Received = { method: string; path: string; headers: IncomingMessage["headers"]; body: string };

export async function startFakeCollector(port = 0) {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const raw = Buffer.concat(chunks);
      const encoding = req.headers["content-encoding"];
      const looksGzip = raw[0] === 0x1f && raw[1] === 0x8b;
      const body = encoding === "gzip" || looksGzip ? gunzipSync(raw) : encoding === "deflate" ? inflateSync(raw) : raw;
      received.push({ method: req.method ?? "", path: req.url ?? "", headers: req.headers, body: body.toString("utf8") });
      // Browsers call PostHog cross-origin: answer the preflight and the capture alike.
      res.writeHead(200, {
        "content-type": "application/json",
        "access-control-allow-origin": req.headers.origin ?? "*",
        "access-control-allow-credentials": "true",
        "access-control-allow-headers": req.headers["access-control-request-headers"] ?? "*",
      });
      res.end(req.url?.startsWith("/flags") || req.url?.startsWith("/decide") ? JSON.stringify({ featureFlags: {}, sessionRecording: false }) : "{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// The items of every Sentry envelope received: an envelope is newline-separated JSON (header, then item header and
// payload pairs).
export function sentryEvents(received: Received[]): Record<string, unknown>[] {
  return received
    .filter((r) => /^\/api\/\d+\/envelope\//.test(r.path))
    .flatMap((r) => r.body.split("\n").filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>))
    .filter((item) => "exception" in item);
}
