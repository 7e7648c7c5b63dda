import { Worker } from "bullmq";
import { Redis } from "ioredis";

// The reference bot: the least a WhatsApp auto-responder can do after the same webhook queue hop — take the job,
// parse the envelope, answer a fixed text with one Graph API call. No database, no customer, no turn, no
// understanding, no outbound engine. Its own process, like the real workers.
// argv: <redisUrl> <queuePrefix> <graphBaseUrl> <accessToken> <phoneNumberId>
const [redisUrl, prefix, graphBase, token, phoneNumberId] = process.argv.slice(2);
if (!redisUrl || !prefix || !graphBase || !token || !phoneNumberId) throw new Error("usage: reference-bot <redisUrl> <prefix> <graphBase> <token> <phoneNumberId>");

const worker = new Worker(
  "webhooks",
  async (job) => {
    const envelope = JSON.parse((job.data as { rawBody: string }).rawBody) as { entry: { changes: { value: { messages?: { from: string }[] } }[] }[] };
    const from = envelope.entry[0]?.changes[0]?.value.messages?.[0]?.from;
    if (!from) return;
    const res = await fetch(`${graphBase}/v24.0/${phoneNumberId}/messages`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ messaging_product: "whatsapp", recipient_type: "individual", to: from, type: "text", text: { body: "Recibimos tu mensaje." } }),
    });
    if (!res.ok) throw new Error(`reference send failed: ${res.status}`);
  },
  { connection: new Redis(redisUrl, { maxRetriesPerRequest: null }), prefix, concurrency: 8 },
);
await worker.waitUntilReady();
process.stdout.write("reference bot ready\n");
process.on("SIGTERM", () => void worker.close().then(() => process.exit(0)));
