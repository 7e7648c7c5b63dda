import { newRecordId } from "../ids.ts";
import { schedule, type Provider, type SandboxState, type WebhookAttempt } from "../state.ts";

export type WebhookDelivery = {
  provider: Provider;
  kind: WebhookAttempt["kind"];
  url: string;
  headers: Record<string, string>;
  body: string;
};

export type DeliveryOutcome = { status: "delivered" | "pending" | "failed"; attempts: number };

/**
 * Posts a webhook and, like Meta and 360dialog, retries failures (non-2xx or connection errors) with exponential
 * backoff: baseMs, 2×baseMs, 4×baseMs… up to maxAttempts. Resolves after the first attempt; retries continue in the
 * background and every attempt is recorded. With duplicateDeliveries on, the identical POST goes out twice.
 */
export async function deliverWebhook(state: SandboxState, delivery: WebhookDelivery): Promise<DeliveryOutcome> {
  const first = runChain(state, delivery);
  if (state.config.duplicateDeliveries) void runChain(state, delivery);
  return first;
}

async function runChain(state: SandboxState, delivery: WebhookDelivery): Promise<DeliveryOutcome> {
  const deliveryId = newRecordId("dlv");
  const ok = await attempt(state, delivery, deliveryId, 1);
  if (ok) return { status: "delivered", attempts: 1 };
  const { maxAttempts } = state.config.webhookRetry;
  if (maxAttempts <= 1) return { status: "failed", attempts: 1 };
  scheduleRetry(state, delivery, deliveryId, 2);
  return { status: "pending", attempts: 1 };
}

function scheduleRetry(state: SandboxState, delivery: WebhookDelivery, deliveryId: string, n: number): void {
  const { baseMs, maxAttempts } = state.config.webhookRetry;
  const lifecycle = state.lifecycle;
  schedule(state, baseMs * 2 ** (n - 2), () => {
    void attempt(state, delivery, deliveryId, n).then((ok) => {
      if (!ok && n < maxAttempts && !lifecycle.signal.aborted) scheduleRetry(state, delivery, deliveryId, n + 1);
    });
  });
}

async function attempt(state: SandboxState, delivery: WebhookDelivery, deliveryId: string, n: number): Promise<boolean> {
  const record: WebhookAttempt = {
    id: newRecordId("wh"),
    deliveryId,
    provider: delivery.provider,
    kind: delivery.kind,
    url: delivery.url,
    headers: delivery.headers,
    body: delivery.body,
    attempt: n,
    at: new Date().toISOString(),
  };
  // A reset between scheduling and sending must not resurrect old state's webhooks into the new log.
  const log = state.webhooks;
  try {
    const signal = AbortSignal.any([AbortSignal.timeout(state.config.webhookTimeoutMs), state.lifecycle.signal]);
    const res = await fetch(delivery.url, { method: "POST", headers: delivery.headers, body: delivery.body, signal });
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
  // fetch hides the socket error in `cause` ("fetch failed" alone says nothing).
  const cause = (error as Error & { cause?: unknown }).cause;
  if (cause && typeof cause === "object") {
    const code = "code" in cause ? (cause as { code: unknown }).code : undefined;
    const message = cause instanceof Error ? cause.message : undefined;
    return `${error.message} (${String(code ?? message ?? "unknown cause")})`;
  }
  return error.message;
}
