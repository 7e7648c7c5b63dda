import { createArcaState, type ArcaState } from "./arca/state.ts";
import type { SandboxConfig } from "./config.ts";
import { createPartnerState, type PartnerState } from "./dialog360-partner/state.ts";
import type { Fault } from "./faults.ts";
import { createMercadoPagoState, type MercadoPagoState } from "./mercadopago/state.ts";
import { defaultNumbers } from "./numbers.ts";
import type { Template } from "./templates/store.ts";

export type Provider = "META_DIRECT" | "DIALOG_360" | "TWILIO";
export type ApiProvider = "meta" | "dialog360" | "twilio";
// DIALOG_360_SMS: the verification codes the 360dialog Partner API texts to a phone (number provisioning).
export type InboxProvider = Provider | "TWILIO_SMS" | "DIALOG_360_SMS";

export type BusinessNumber = {
  provider: Provider;
  phoneNumberId: string;
  wabaId: string;
  /** Digits only, as Meta's metadata.display_phone_number. */
  displayPhoneNumber: string;
  verifiedName: string;
  accessToken?: string;
  apiKey?: string;
  accountSid?: string;
  authToken?: string;
  webhookUrl: string;
  webhookHeaders: Record<string, string>;
  /** Twilio only: default StatusCallback when a send does not carry one. */
  statusCallbackUrl?: string;
  builtIn: boolean;
};

export type RecordedRequest = {
  id: string;
  provider: ApiProvider;
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
  rawBody: string;
  rawBodyEncoding: "utf8" | "base64";
  receivedAt: string;
  response: { status: number; body: unknown };
};

export type WebhookAttempt = {
  id: string;
  deliveryId: string;
  provider: Provider;
  kind: "message" | "status" | "template" | "other";
  url: string;
  headers: Record<string, string>;
  body: string;
  attempt: number;
  status?: number;
  error?: string;
  at: string;
};

export type InboxEntry = {
  id: string;
  provider: InboxProvider;
  /** The business address that sent it (display number digits, or Twilio's From). */
  from: string;
  to: string;
  type: string;
  payload: unknown;
  status: "accepted" | "sent" | "delivered" | "read" | "failed";
  error?: { code: number; title: string };
  createdAt: string;
};

export type CustomerMessage = {
  id: string;
  provider: InboxProvider;
  to: string;
  type: string;
  payload: unknown;
  createdAt: string;
  /** The business marked it as read (Meta/360dialog mark-as-read). */
  readByBusiness?: boolean;
};

export type StoredMedia = {
  id: string;
  /** phoneNumberId of the owning business number. */
  owner: string;
  provider: Provider;
  mimeType: string;
  sha256: string;
  size: number;
  filename?: string;
  data: Buffer;
  /** Opaque token in the download URL, like lookaside.fbsbx.com's. */
  downloadToken: string;
  createdAt: string;
};

// Everything an outbound send needs to emit statuses later, and Twilio's fetch endpoint.
export type OutboundMessage = {
  id: string;
  provider: InboxProvider;
  number: BusinessNumber;
  recipient: string;
  inbox: InboxEntry;
  category: string;
  bizOpaque?: string;
  statusCallback?: string;
  twilio?: Record<string, unknown>;
};

export type SandboxState = {
  startConfig: SandboxConfig;
  config: SandboxConfig;
  /** URL the sandbox is reachable at (media URLs). */
  baseUrl: string;
  numbers: BusinessNumber[];
  requests: RecordedRequest[];
  webhooks: WebhookAttempt[];
  inbox: Map<string, InboxEntry[]>;
  customerMessages: Map<string, CustomerMessage[]>;
  media: Map<string, StoredMedia>;
  templates: Map<string, Template[]>;
  faults: Fault[];
  /** `${phoneNumberId}|${customer digits}` → last inbound message time (24 h customer service window). */
  windows: Map<string, number>;
  messages: Map<string, OutboundMessage>;
  timers: Set<NodeJS.Timeout>;
  /** batchStatuses: per business number, statuses waiting for the next flush, grouped by message id. */
  statusBuffers: Map<string, Map<string, Record<string, unknown>[]>>;
  /** Aborted on reset/close so held "timeout" responses and in-flight deliveries stop. */
  lifecycle: AbortController;
  /** Mail caught by the local SMTP catcher (staff notifications). */
  emails: CaughtEmail[];
  /** Expo push messages received on POST /expo/push/send. */
  pushes: PushRecord[];
  /** ARCA's WSAA/WSFEv1 emulation: taxpayers, tickets, numbering, invoices, faults, recorded calls. */
  arca: ArcaState;
  /** MercadoPago's OAuth, Checkout Pro, Payments API and notifications: sellers, tokens, preferences, payments, faults. */
  mercadopago: MercadoPagoState;
  /** 360dialog Partner API: the number pool, reservations, verification codes and channels. */
  dialog360Partner: PartnerState;
};

export type CaughtEmail = { id: string; from: string; to: string[]; subject: string; raw: string; receivedAt: string };
export type PushRecord = { id: string; to: string; title?: string; body?: string; data?: unknown; sound?: unknown; priority?: string; status: "ok" | "error"; receivedAt: string };

export function createState(config: SandboxConfig): SandboxState {
  return {
    startConfig: structuredClone(config),
    config: structuredClone(config),
    baseUrl: "",
    numbers: defaultNumbers(config),
    requests: [],
    webhooks: [],
    inbox: new Map(),
    customerMessages: new Map(),
    media: new Map(),
    templates: new Map(),
    faults: [],
    windows: new Map(),
    messages: new Map(),
    timers: new Set(),
    statusBuffers: new Map(),
    lifecycle: new AbortController(),
    emails: [],
    pushes: [],
    arca: createArcaState(),
    mercadopago: createMercadoPagoState(),
    dialog360Partner: createPartnerState(),
  };
}

export function resetState(state: SandboxState): void {
  clearTimers(state);
  state.lifecycle.abort();
  state.lifecycle = new AbortController();
  state.config = structuredClone(state.startConfig);
  state.numbers = defaultNumbers(state.config);
  state.requests = [];
  state.webhooks = [];
  state.inbox.clear();
  state.customerMessages.clear();
  state.media.clear();
  state.templates.clear();
  state.faults = [];
  state.windows.clear();
  state.messages.clear();
  state.statusBuffers.clear();
  state.emails = [];
  state.pushes = [];
  state.arca = createArcaState();
  state.mercadopago = createMercadoPagoState();
  state.dialog360Partner = createPartnerState();
}

export function clearTimers(state: SandboxState): void {
  for (const t of state.timers) clearTimeout(t);
  state.timers.clear();
}

/** setTimeout that reset/close can cancel. */
export function schedule(state: SandboxState, ms: number, fn: () => void): void {
  const timer = setTimeout(() => {
    state.timers.delete(timer);
    fn();
  }, Math.max(0, ms));
  state.timers.add(timer);
}

export function pushInbox(state: SandboxState, customer: string, entry: InboxEntry): void {
  const list = state.inbox.get(customer) ?? [];
  list.push(entry);
  state.inbox.set(customer, list);
}

export function pushCustomerMessage(state: SandboxState, customer: string, message: CustomerMessage): void {
  const list = state.customerMessages.get(customer) ?? [];
  list.push(message);
  state.customerMessages.set(customer, list);
}

export function windowKey(number: BusinessNumber, customer: string): string {
  return `${number.phoneNumberId}|${customer}`;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function isWindowOpen(state: SandboxState, number: BusinessNumber, customer: string): boolean {
  const last = state.windows.get(windowKey(number, customer));
  return last !== undefined && Date.now() - last < DAY_MS;
}
