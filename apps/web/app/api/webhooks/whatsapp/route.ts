import { acceptMetaWebhook, answerMetaHandshake } from "@campotech/core/modules/webhooks";
import { handleWebhook } from "@/lib/webhook-route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// Meta's subscription handshake: echo hub.challenge as plain text when the verify token matches.
export function GET(request: Request): Response {
  const challenge = answerMetaHandshake(new URL(request.url).searchParams);
  return challenge === undefined ? new Response("Forbidden", { status: 403 }) : new Response(challenge, { headers: { "content-type": "text/plain" } });
}

export function POST(request: Request): Promise<Response> {
  return handleWebhook(request, ({ rawBody, headers, path }) => acceptMetaWebhook({ rawBody, headers, path }));
}
