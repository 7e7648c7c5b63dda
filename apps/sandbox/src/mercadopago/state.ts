import { builtInSellers, type Seller } from "./sellers.ts";

// Everything the MercadoPago emulation remembers. POST /_sandbox/reset replaces it with a fresh one (built-in sellers
// and the default redirect URIs only).

export const DEFAULT_REDIRECT_URIS = [
  "http://127.0.0.1:3000/api/mercadopago/oauth/callback",
  "http://127.0.0.1:*/api/mercadopago/oauth/callback",
  "http://localhost:*/api/mercadopago/oauth/callback",
];

export type Application = {
  /** Exact URLs; "*" in the port matches any port (sandbox convenience for tests on random ports). */
  redirectUris: string[];
  /** The application-level webhook ("Tus integraciones → Webhooks"): mp-connect, and payments whose preference has no
   * notification_url. */
  webhookUrl: string | null;
};

export type AuthorizationCode = {
  code: string;
  sellerId: number;
  redirectUri: string;
  codeChallenge?: string;
  codeChallengeMethod?: "S256" | "plain";
  expiresAt: number;
  used: boolean;
};

export type AccessToken = { token: string; sellerId: number; expiresAt: number; revoked: boolean; issuedAt: number };
export type RefreshToken = { token: string; sellerId: number; used: boolean; revoked: boolean; issuedAt: number };

export type PreferenceItem = {
  id: string;
  title: string;
  description: string;
  picture_url: string;
  category_id: string;
  currency_id: string;
  quantity: number;
  unit_price: number;
};

/** The stored preference: the JSON MercadoPago answers (without init points, which depend on the caller's origin). */
export type Preference = {
  id: string;
  sellerId: number;
  merchantOrderId: number;
  /** Sum of quantity × unit_price, in cents. */
  totalCents: number;
  body: Record<string, unknown>;
  items: PreferenceItem[];
  createdAt: number;
};

export type Refund = {
  id: number;
  amountCents: number;
  createdAt: number;
  idempotencyKey: string;
};

export type PaymentStatus = "pending" | "approved" | "authorized" | "in_process" | "in_mediation" | "rejected" | "cancelled" | "refunded" | "charged_back";

export type Payment = {
  id: number;
  sellerId: number;
  preferenceId: string;
  merchantOrderId: number;
  status: PaymentStatus;
  statusDetail: string;
  amountCents: number;
  refunds: Refund[];
  /** The test card holder name that produced it (APRO, OTHE, CONT…). */
  card: string;
  payerId: number;
  createdAt: number;
  approvedAt: number | null;
  updatedAt: number;
};

export type NotificationTopic = "payment" | "mp-connect";

/** One logical notification (an event). Each POST of it (retries, duplicates, resends) is a NotificationAttempt. */
export type NotificationEvent = {
  id: string;
  topic: NotificationTopic;
  action: string;
  dataId: string;
  userId: number;
  url: string | null;
  createdAt: number;
  dropped: boolean;
};

export type NotificationAttempt = {
  id: string;
  eventId: string;
  topic: NotificationTopic;
  action: string;
  dataId: string;
  /** Which POST of the event's chain this is (1 = first try; retries count up; a duplicate or resend starts its own chain). */
  attempt: number;
  chain: "original" | "duplicate" | "resend";
  url: string;
  headers: Record<string, string>;
  body: string;
  status?: number;
  error?: string;
  at: string;
};

export type MercadoPagoFault = {
  id: string;
  kind: "5xx" | "timeout" | "401";
  /** Path prefix relative to the API root ("/v1/payments", "/oauth/token"); undefined = every API call. */
  path?: string;
  status: number;
  timeoutMs: number;
  remaining?: number;
  hits: number;
  createdAt: string;
};

export type MercadoPagoRecordedRequest = {
  id: string;
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
  receivedAt: string;
  response: { status: number; body: unknown };
  /** Why an OAuth exchange was refused (MercadoPago answers one generic invalid_grant for all of them). */
  reason?: string;
};

export type MercadoPagoState = {
  application: Application;
  sellers: Map<number, Seller>;
  codes: Map<string, AuthorizationCode>;
  accessTokens: Map<string, AccessToken>;
  refreshTokens: Map<string, RefreshToken>;
  preferences: Map<string, Preference>;
  /** `${sellerId}|${X-Idempotency-Key}` → preference id. */
  preferenceKeys: Map<string, string>;
  payments: Map<number, Payment>;
  events: Map<string, NotificationEvent>;
  notifications: NotificationAttempt[];
  /** outOfOrder: a payment's events waiting for their batch to flush, newest first on delivery. */
  outOfOrderBatches: Map<string, NotificationEvent[]>;
  faults: MercadoPagoFault[];
  requests: MercadoPagoRecordedRequest[];
  /** Numeric ids handed out (payments, refunds, orders, notifications), so they never repeat. */
  usedIds: Set<number>;
};

export function createMercadoPagoState(): MercadoPagoState {
  return {
    application: { redirectUris: [...DEFAULT_REDIRECT_URIS], webhookUrl: null },
    sellers: new Map(builtInSellers().map((s) => [s.id, s])),
    codes: new Map(),
    accessTokens: new Map(),
    refreshTokens: new Map(),
    preferences: new Map(),
    preferenceKeys: new Map(),
    payments: new Map(),
    events: new Map(),
    notifications: [],
    outOfOrderBatches: new Map(),
    faults: [],
    requests: [],
    usedIds: new Set(),
  };
}
