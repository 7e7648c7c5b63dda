import { createServer } from "node:http";
import { toAppError } from "@campotech/core/lib/errors";
import { acceptMetaWebhook } from "@campotech/core/modules/webhooks";

// The harness's web process when no Next build is around (CI's short form): a plain node:http server that serves the
// Meta webhook path with the same domain function the Next route calls (verify the signature on the raw bytes,
// durable enqueue, 200), and the same status mapping (AppError → its status, anything else 500). It is a real
// process the harness SIGKILLs mid-burst.
//   node --import tsx bench/faults/ingest-host.ts <port>
const port = Number(process.argv[2]);

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    if (req.method !== "POST" || req.url?.split("?")[0] !== "/api/webhooks/whatsapp") {
      res.writeHead(404).end();
      return;
    }
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    acceptMetaWebhook({ rawBody: Buffer.concat(chunks), headers, path: "/api/webhooks/whatsapp" })
      .then(({ jobId }) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ received: true, jobId })))
      .catch((error: unknown) => res.writeHead(toAppError(error).status).end());
  });
});
server.listen(port, "127.0.0.1", () => console.log(`ingest on ${port}`));
