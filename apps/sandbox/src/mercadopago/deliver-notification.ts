import { newRecordId } from "../ids.ts";
import { schedule, type SandboxState } from "../state.ts";
import { newNumericId } from "./ids.ts";
import { mpDate } from "./mp-time.ts";
import { mercadoPagoSignature } from "./sign.ts";
import type { NotificationAttempt, NotificationEvent } from "./state.ts";

// One chain of POSTs for a notification event: the first try now, then retries at baseMs × 2^(n-1) while the answer is
// not 2xx (or nothing came back within webhookTimeoutMs), up to maxAttempts. Like MercadoPago, every POST is a new
// notification: its own body id, x-request-id, ts and signature; only data.id and action stay. Receivers dedupe on
// (data.id, state they read back), never on the notification id.

export type Chain = NotificationAttempt["chain"];

/** Resolves with the first attempt's outcome; retries go on in the background (cancelled by reset/close). */
export async function deliverEvent(state: SandboxState, event: NotificationEvent, chain: Chain): Promise<boolean> {
  const ok = await attempt(state, event, chain, 1);
  if (!ok && state.config.mercadopago.retry.maxAttempts > 1) scheduleRetry(state, event, chain, 2);
  return ok;
}

function scheduleRetry(state: SandboxState, event: NotificationEvent, chain: Chain, n: number): void {
  const { baseMs, maxAttempts } = state.config.mercadopago.retry;
  const lifecycle = state.lifecycle;
  schedule(state, baseMs * 2 ** (n - 2), () => {
    void attempt(state, event, chain, n).then((ok) => {
      if (!ok && n < maxAttempts && !lifecycle.signal.aborted) scheduleRetry(state, event, chain, n + 1);
    });
  });
}

async function attempt(state: SandboxState, event: NotificationEvent, chain: Chain, n: number): Promise<boolean> {
  const mp = state.mercadopago;
  const config = state.config.mercadopago;
  const url = event.url as string;
  const requestId = crypto.randomUUID();
  const ts = String(Math.floor(Date.now() / 1000));
  const body = JSON.stringify({
    id: newNumericId(mp, 12),
    live_mode: false,
    type: event.topic,
    date_created: mpDate(event.createdAt),
    user_id: event.userId,
    api_version: "v1",
    action: event.action,
    data: { id: event.dataId },
  });
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "user-agent": `MercadoPago WebHook v1.0 ${event.topic}`,
    "x-request-id": requestId,
    "x-signature": mercadoPagoSignature(config.signWithSecret ?? config.webhookSecret, { dataId: event.dataId, requestId, ts }),
  };
  const target = `${url}${url.includes("?") ? "&" : "?"}data.id=${encodeURIComponent(event.dataId)}&type=${event.topic}`;
  const record: NotificationAttempt = {
    id: newRecordId("mpa"),
    eventId: event.id,
    topic: event.topic,
    action: event.action,
    dataId: event.dataId,
    attempt: n,
    chain,
    url: target,
    headers,
    body,
    at: new Date().toISOString(),
  };
  // A reset between scheduling and sending must not write into the new state's log.
  const log = mp.notifications;
  try {
    const signal = AbortSignal.any([AbortSignal.timeout(config.webhookTimeoutMs), state.lifecycle.signal]);
    const res = await fetch(target, { method: "POST", headers, body, signal });
    await res.arrayBuffer().catch(() => undefined);
    record.status = res.status;
    log.push(record);
    return res.status >= 200 && res.status < 300;
  } catch (error) {
    record.error = describe(error);
    log.push(record);
    return false;
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === "TimeoutError") return "no answer within webhookTimeoutMs";
  const cause = (error as Error & { cause?: unknown }).cause;
  if (cause && typeof cause === "object" && "code" in cause) return `${error.message} (${String((cause as { code: unknown }).code)})`;
  return error.message;
}
