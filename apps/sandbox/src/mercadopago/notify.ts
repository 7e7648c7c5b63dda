import { newRecordId } from "../ids.ts";
import { schedule, type SandboxState } from "../state.ts";
import { deliverEvent } from "./deliver-notification.ts";
import { mpNow } from "./mp-time.ts";
import type { NotificationEvent, NotificationTopic, Payment } from "./state.ts";

// Turning facts into notifications: where they go, and the configured delivery faults (drop, duplicate, out of order).
// A payment's notifications go out one after another, so "in order" really arrives in order.

const chains = new WeakMap<SandboxState["mercadopago"], Map<string, Promise<unknown>>>();

/** payment.created / payment.updated to the preference's notification_url, else the application's webhook. */
export function notifyPayment(state: SandboxState, payment: Payment, action: "payment.created" | "payment.updated"): NotificationEvent {
  const preference = state.mercadopago.preferences.get(payment.preferenceId);
  const perObject = typeof preference?.body.notification_url === "string" ? preference.body.notification_url : null;
  return emit(state, { topic: "payment", action, dataId: String(payment.id), userId: payment.sellerId, url: perObject ?? state.mercadopago.application.webhookUrl });
}

/** mp-connect (a seller linked or unlinked our application) to the application's webhook, when one is configured. */
export function notifyConnect(state: SandboxState, sellerId: number, action: "application.authorized" | "application.deauthorized"): NotificationEvent {
  return emit(state, { topic: "mp-connect", action, dataId: String(sellerId), userId: sellerId, url: state.mercadopago.application.webhookUrl });
}

/** POST /_sandbox/mercadopago/notifications/{id}/resend: the same event again, as a new signed POST (with retries). */
export function resendEvent(state: SandboxState, event: NotificationEvent): Promise<boolean> | undefined {
  if (!event.url) return undefined;
  return deliverEvent(state, event, "resend");
}

function emit(state: SandboxState, fact: { topic: NotificationTopic; action: string; dataId: string; userId: number; url: string | null }): NotificationEvent {
  const mp = state.mercadopago;
  const config = state.config.mercadopago;
  const event: NotificationEvent = { id: newRecordId("mpn"), ...fact, createdAt: mpNow(state), dropped: false };
  mp.events.set(event.id, event);
  if (!event.url) return event;
  if (config.dropNotifications > 0) {
    config.dropNotifications -= 1;
    event.dropped = true;
    return event;
  }
  if (config.outOfOrder && fact.topic === "payment") {
    hold(state, event);
    return event;
  }
  inOrder(state, event.dataId, () => send(state, event));
  return event;
}

async function send(state: SandboxState, event: NotificationEvent): Promise<void> {
  const duplicate = state.config.mercadopago.duplicateNotifications;
  await deliverEvent(state, event, "original");
  if (duplicate) await deliverEvent(state, event, "duplicate");
}

/** outOfOrder: the first event of a payment opens a window; when it closes, the batch goes out newest first. */
function hold(state: SandboxState, event: NotificationEvent): void {
  const batches = state.mercadopago.outOfOrderBatches;
  const batch = batches.get(event.dataId);
  if (batch) {
    batch.push(event);
    return;
  }
  batches.set(event.dataId, [event]);
  schedule(state, state.config.mercadopago.outOfOrderWindowMs, () => {
    const held = batches.get(event.dataId) ?? [];
    batches.delete(event.dataId);
    for (const e of held.reverse()) inOrder(state, e.dataId, () => send(state, e));
  });
}

function inOrder(state: SandboxState, key: string, run: () => Promise<void>): void {
  let map = chains.get(state.mercadopago);
  if (!map) {
    map = new Map();
    chains.set(state.mercadopago, map);
  }
  const next = (map.get(key) ?? Promise.resolve()).then(run, run);
  map.set(key, next.catch(() => undefined));
}
