import { env } from "../../lib/env";

// Expo's push API: POST an array of messages, get one ticket per message back, in order.
export type PushMessage = {
  to: string;
  title: string;
  body: string;
  data?: Record<string, unknown>;
  sound?: "default" | null;
  priority?: "default" | "normal" | "high";
};
export type PushTicket = { status: "ok"; id: string } | { status: "error"; message: string; details?: { error?: string } };

export async function sendPush(messages: PushMessage[], options: { url?: string; accessToken?: string | undefined } = {}): Promise<PushTicket[]> {
  if (!messages.length) return [];
  const accessToken = options.accessToken ?? env.EXPO_ACCESS_TOKEN;
  const res = await fetch(options.url ?? env.EXPO_PUSH_URL, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/json",
      ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}),
    },
    body: JSON.stringify(messages),
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) throw new Error(`Expo push answered ${res.status}: ${await res.text()}`);
  const body = (await res.json()) as { data?: PushTicket[] };
  return body.data ?? [];
}
