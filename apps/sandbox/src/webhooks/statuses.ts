import { createHash } from "node:crypto";
import { webhookError } from "../meta/errors.ts";
import { schedule, type InboxEntry, type OutboundMessage, type SandboxState } from "../state.ts";
import { TWILIO_ERRORS } from "../twilio/errors.ts";
import { statusesEnvelope } from "./envelope.ts";
import { sendMetaWebhook, sendTwilioWebhook } from "./send.ts";

type Step = "sent" | "delivered" | "read";
type Emitted = Step | "failed";

const RANK: Record<InboxEntry["status"], number> = { accepted: 0, sent: 1, delivered: 2, read: 3, failed: 4 };

// Deliveries for one message go out one after another, so "in order" really arrives in order even with 0 ms delays.
const chains = new WeakMap<OutboundMessage, Promise<unknown>>();

/** After an accepted send: sent → delivered → read (as configured), or a single failed status for async faults. */
export function scheduleStatuses(state: SandboxState, msg: OutboundMessage, failureCode?: number): void {
  const delays = state.config.statusDelaysMs;
  if (failureCode !== undefined) {
    schedule(state, delays.sent, () => emit(state, msg, "failed", failureCode));
    return;
  }
  for (const { step, delay } of plan(state, msg)) schedule(state, delay, () => emit(state, msg, step));
}

function plan(state: SandboxState, msg: OutboundMessage): { step: Step; delay: number }[] {
  const { statusDelaysMs: d, outOfOrder } = state.config;
  let steps: { step: Step; delay: number }[] = [{ step: "sent", delay: d.sent }];
  if (d.delivered !== null) steps.push({ step: "delivered", delay: d.delivered });
  // SMS has no read receipts.
  if (d.read !== null && msg.provider !== "TWILIO_SMS") steps.push({ step: "read", delay: d.read });
  if (!outOfOrder) return steps;
  const mode = outOfOrder === true ? "read-before-delivered" : outOfOrder;
  const times = steps.map((s) => s.delay).sort((a, b) => a - b);
  let order = steps.map((s) => s.step);
  if (mode === "omit-delivered") order = order.filter((s) => s !== "delivered");
  else if (mode === "reverse") order = order.reverse();
  else if (order.includes("read") && order.includes("delivered")) order = ["sent", "read", "delivered"];
  steps = order.map((step, i) => ({ step, delay: times[i] ?? 0 }));
  return steps;
}

function emit(state: SandboxState, msg: OutboundMessage, status: Emitted, code?: number): void {
  if (status === "failed" || RANK[status] > RANK[msg.inbox.status]) msg.inbox.status = status;
  if (status === "failed" && code !== undefined) {
    msg.inbox.error = { code, title: TWILIO_ERRORS[code]?.message ?? String(webhookError(code).title) };
  }
  if (msg.provider === "TWILIO" || msg.provider === "TWILIO_SMS") return chain(msg, () => emitTwilio(state, msg, status, code));
  const object = metaStatus(msg, status, code);
  if (state.config.batchStatuses) return buffer(state, msg, object);
  chain(msg, () => sendMetaWebhook(state, msg.number, "status", statusesEnvelope(msg.number, [[object]])));
}

function chain(msg: OutboundMessage, send: () => Promise<unknown>): void {
  const next = (chains.get(msg) ?? Promise.resolve()).then(send, send);
  chains.set(msg, next.catch(() => undefined));
}

function metaStatus(msg: OutboundMessage, status: Emitted, code?: number): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  const object: Record<string, unknown> = { id: msg.id, status, timestamp: String(now), recipient_id: msg.recipient };
  if (status === "failed") {
    object.errors = [webhookError(code ?? 131000)];
  } else {
    const conversationId = createHash("sha1").update(`${msg.number.phoneNumberId}|${msg.recipient}|${msg.category}`).digest("hex");
    object.conversation = {
      id: conversationId,
      ...(status === "sent" ? { expiration_timestamp: String(now + 24 * 3600) } : {}),
      origin: { type: msg.category },
    };
    object.pricing = {
      billable: msg.category !== "service",
      pricing_model: "PMP",
      category: msg.category,
      type: msg.category === "service" ? "free_customer_service" : "regular",
    };
  }
  if (msg.bizOpaque !== undefined) object.biz_opaque_callback_data = msg.bizOpaque;
  return object;
}

function buffer(state: SandboxState, msg: OutboundMessage, object: Record<string, unknown>): void {
  const key = msg.number.phoneNumberId;
  let groups = state.statusBuffers.get(key);
  if (!groups) {
    groups = new Map();
    state.statusBuffers.set(key, groups);
    const number = msg.number;
    schedule(state, state.config.batchWindowMs, () => {
      const pending = state.statusBuffers.get(key);
      state.statusBuffers.delete(key);
      if (pending && pending.size > 0) void sendMetaWebhook(state, number, "status", statusesEnvelope(number, [...pending.values()]));
    });
  }
  const list = groups.get(msg.id) ?? [];
  list.push(object);
  groups.set(msg.id, list);
}

function emitTwilio(state: SandboxState, msg: OutboundMessage, status: Emitted, code?: number): Promise<unknown> {
  const whatsapp = msg.provider === "TWILIO";
  const def = code !== undefined ? TWILIO_ERRORS[code] : undefined;
  const twilioStatus = status === "failed" ? (def?.finalStatus ?? "failed") : status;
  const resource = msg.twilio;
  if (resource) {
    resource.status = twilioStatus;
    resource.date_updated = new Date().toUTCString().replace("GMT", "+0000");
    if (status === "sent") resource.date_sent = resource.date_updated;
    if (code !== undefined) {
      resource.error_code = code;
      resource.error_message = def?.message ?? null;
    }
  }
  if (!msg.statusCallback) return Promise.resolve();
  const from = String(resource?.from ?? "");
  const to = String(resource?.to ?? "");
  const fields: Record<string, string> = {
    SmsSid: msg.id,
    SmsStatus: twilioStatus,
    MessageStatus: twilioStatus,
    To: to,
    MessageSid: msg.id,
    AccountSid: msg.number.accountSid ?? "",
    From: from,
    ApiVersion: "2010-04-01",
  };
  if (whatsapp) {
    const e164 = to.replace(/^whatsapp:/, "");
    fields.ChannelPrefix = "whatsapp";
    fields.ChannelInstallSid = `XE${createHash("md5").update(msg.number.phoneNumberId).digest("hex")}`;
    fields.ChannelToAddress = e164.slice(0, -5) + "XXXXX";
    if (status === "sent") fields.StructuredMessage = "false";
    if (status === "delivered") fields.EventType = "DELIVERED";
    if (status === "read") fields.EventType = "READ";
    if (status === "failed") fields.EventType = "UNDELIVERED";
  }
  if (code !== undefined) {
    fields.ErrorCode = String(code);
    if (def) fields.ErrorMessage = def.message;
  }
  return sendTwilioWebhook(state, msg.number, msg.statusCallback, "status", fields);
}
