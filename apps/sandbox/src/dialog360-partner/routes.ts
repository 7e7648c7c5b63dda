import { z } from "zod";
import type { Router } from "../http/router.ts";
import type { Reply, RequestContext } from "../http/types.ts";
import { newGraphId, newRecordId } from "../ids.ts";
import { canonicalWaId, isValidPhone } from "../phone.ts";
import { pushInbox, type SandboxState } from "../state.ts";
import { registerPartnerControlRoutes } from "./control-routes.ts";
import {
  CODE_MAX_ATTEMPTS,
  CODE_MAX_SENDS,
  CODE_TTL_MS,
  freeNumber,
  newApiKey,
  newCode,
  newPartnerId,
  partnerNow,
  RESERVATION_TTL_MS,
  sweepReservations,
  type Channel,
  type Reservation,
} from "./state.ts";

// 360dialog's Partner API (hub.360dialog.io/api/v2) under /dialog360/partner/api/v2: x-api-key is the partner key,
// every path is scoped to /partners/{partnerId}. The number pool (reserve → SMS code → verify → channel) is how
// CampoTech hands a WhatsApp number to an organization; errors use 360dialog's {meta:{...}} envelope plus an
// error_code our client maps to Spanish reasons.
export const PARTNER_BASE = "/dialog360/partner/api/v2";

export function partnerError(status: number, errorCode: string, message: string, extra: Record<string, unknown> = {}): Reply {
  return { status, json: { meta: { success: false, http_code: status, developer_message: message, error_code: errorCode, ...extra } } };
}

type Handler = (ctx: RequestContext) => Reply;

function authed(state: SandboxState, handler: Handler): (ctx: RequestContext) => Reply {
  return (ctx) => {
    const key = ctx.headers["x-api-key"];
    if (!key || key !== state.config.dialog360PartnerApiKey) return partnerError(401, "unauthorized", "Invalid or missing x-api-key");
    if (ctx.params.partnerId !== state.config.dialog360PartnerId) return partnerError(403, "forbidden", "The API key does not belong to this partner");
    sweepReservations(state.dialog360Partner);
    return handler(ctx);
  };
}

const iso = (ms: number) => new Date(ms).toISOString();
const jsonBody = (ctx: RequestContext): unknown => (ctx.body.kind === "json" ? ctx.body.value : {});

function reservationView(state: SandboxState, r: Reservation): Record<string, unknown> {
  const number = state.dialog360Partner.pool.find((n) => n.id === r.numberId);
  return {
    id: r.id,
    number_id: r.numberId,
    phone_number: number?.phoneNumber,
    area_code: number?.areaCode,
    status: r.status,
    expires_at: iso(r.expiresAt),
    ...(r.verification ? { verification: { sent_at: iso(r.verification.sentAt), expires_at: iso(r.verification.expiresAt), attempts: r.verification.attempts } } : {}),
    ...(r.channelId ? { channel_id: r.channelId } : {}),
  };
}

function channelView(c: Channel): Record<string, unknown> {
  return { id: c.id, phone_number: c.phoneNumber, phone_number_id: c.phoneNumberId, waba_account: { id: c.wabaId }, status: c.status, created_at: iso(c.createdAt) };
}

const codeRequestSchema = z.object({ phone_number: z.string().refine(isValidPhone, "phone_number must be E.164"), method: z.literal("sms").optional() });
const verifySchema = z.object({ code: z.string().regex(/^\d{6}$/, "code must be 6 digits") });

export function registerDialog360PartnerRoutes(router: Router, state: SandboxState): void {
  registerPartnerControlRoutes(router, state);
  const p = () => state.dialog360Partner;
  const base = `${PARTNER_BASE}/partners/:partnerId`;
  const reservation = (ctx: RequestContext) => p().reservations.get(ctx.params.reservationId ?? "");
  const channel = (ctx: RequestContext) => p().channels.get(ctx.params.channelId ?? "");

  router.on("GET", `${base}/numbers`, authed(state, (ctx) => {
    const areaCode = ctx.query.get("area_code");
    const numbers = state.dialog360Partner.pool.filter((n) => n.status === "available" && (!areaCode || n.areaCode === areaCode));
    return { status: 200, json: { count: numbers.length, numbers: numbers.map((n) => ({ id: n.id, phone_number: n.phoneNumber, area_code: n.areaCode, country_code: "AR" })) } };
  }));

  router.on("POST", `${base}/numbers/:numberId/reserve`, authed(state, (ctx) => {
    const number = state.dialog360Partner.pool.find((n) => n.id === ctx.params.numberId);
    if (!number) return partnerError(404, "number_not_found", "Number not found in the pool");
    if (number.status !== "available") return partnerError(409, "number_unavailable", "Number is not available");
    number.status = "reserved";
    const r: Reservation = { id: newPartnerId("rs"), numberId: number.id, expiresAt: partnerNow(state.dialog360Partner) + RESERVATION_TTL_MS, status: "reserved" };
    state.dialog360Partner.reservations.set(r.id, r);
    return { status: 201, json: reservationView(state, r) };
  }));

  router.on("GET", `${base}/reservations/:reservationId`, authed(state, (ctx) => {
    const r = reservation(ctx);
    return r ? { status: 200, json: reservationView(state, r) } : partnerError(404, "reservation_not_found", "Reservation not found");
  }));

  // Releasing is idempotent; a verified reservation is released through its channel.
  router.on("DELETE", `${base}/reservations/:reservationId`, authed(state, (ctx) => {
    const r = reservation(ctx);
    if (!r) return partnerError(404, "reservation_not_found", "Reservation not found");
    if (r.status === "verified") return partnerError(409, "reservation_verified", "Reservation already became a channel; release the channel");
    if (r.status === "reserved") freeNumber(state.dialog360Partner, r.numberId);
    if (r.status !== "expired") r.status = "released";
    return { status: 200, json: reservationView(state, r) };
  }));

  // The code goes by SMS to the phone the partner names (the organization owner's); the sandbox shows it on that
  // phone like any SMS. Sending holds the number until the code expires, so a slow typist does not lose it.
  router.on("POST", `${base}/reservations/:reservationId/verification_code`, authed(state, (ctx) => {
    const r = reservation(ctx);
    if (!r) return partnerError(404, "reservation_not_found", "Reservation not found");
    if (r.status !== "reserved") return partnerError(410, "reservation_expired", `Reservation is ${r.status}`);
    const parsed = codeRequestSchema.safeParse(jsonBody(ctx));
    if (!parsed.success) return partnerError(400, "invalid_request", parsed.error.issues[0]?.message ?? "invalid body");
    const sends = (r.verification?.sends ?? 0) + 1;
    if (sends > CODE_MAX_SENDS) return partnerError(429, "too_many_codes", "Too many verification codes for this reservation");
    const now = partnerNow(p());
    r.verification = { code: newCode(), phone: parsed.data.phone_number, sentAt: now, expiresAt: now + CODE_TTL_MS, attempts: 0, sends };
    r.expiresAt = Math.max(r.expiresAt, r.verification.expiresAt);
    const number = p().pool.find((n) => n.id === r.numberId);
    const to = canonicalWaId(parsed.data.phone_number);
    pushInbox(state, to, {
      id: newRecordId("sms"),
      provider: "DIALOG_360_SMS",
      from: "360dialog",
      to,
      type: "text",
      payload: { From: "360dialog", To: `+${to}`, Body: `Tu código para activar el número de WhatsApp +${number?.phoneNumber ?? ""} es ${r.verification.code}. Vence en 10 minutos.` },
      status: "delivered",
      createdAt: new Date().toISOString(),
    });
    return { status: 201, json: { sent_at: iso(now), expires_at: iso(r.verification.expiresAt), reservation: reservationView(state, r) } };
  }));

  router.on("POST", `${base}/reservations/:reservationId/verify`, authed(state, (ctx) => {
    const r = reservation(ctx);
    if (!r) return partnerError(404, "reservation_not_found", "Reservation not found");
    if (r.status === "verified" && r.channelId) return { status: 200, json: { channel: channelView(p().channels.get(r.channelId)!) } };
    if (r.status !== "reserved") return partnerError(410, "reservation_expired", `Reservation is ${r.status}`);
    const parsed = verifySchema.safeParse(jsonBody(ctx));
    if (!parsed.success) return partnerError(400, "invalid_request", parsed.error.issues[0]?.message ?? "invalid body");
    const v = r.verification;
    if (!v) return partnerError(409, "code_not_requested", "No verification code was requested for this reservation");
    if (v.attempts >= CODE_MAX_ATTEMPTS) return partnerError(429, "too_many_attempts", "Too many wrong codes; request a new one");
    if (partnerNow(p()) > v.expiresAt) return partnerError(410, "code_expired", "The verification code expired; request a new one");
    if (parsed.data.code !== v.code) {
      v.attempts += 1;
      return partnerError(400, "invalid_code", "Wrong verification code", { attempts_left: CODE_MAX_ATTEMPTS - v.attempts });
    }
    return { status: 201, json: { channel: channelView(createChannel(state, r)) } };
  }));

  router.on("GET", `${base}/channels/:channelId`, authed(state, (ctx) => {
    const c = channel(ctx);
    return c ? { status: 200, json: channelView(c) } : partnerError(404, "channel_not_found", "Channel not found");
  }));

  // One live key per channel: a new key replaces (revokes) the previous one on the Cloud API proxy (/d360).
  router.on("POST", `${base}/channels/:channelId/api_keys`, authed(state, (ctx) => {
    const c = channel(ctx);
    if (!c) return partnerError(404, "channel_not_found", "Channel not found");
    if (c.status !== "active") return partnerError(410, "channel_released", "Channel was released");
    const number = state.numbers.find((n) => n.phoneNumberId === c.phoneNumberId);
    if (!number) return partnerError(410, "channel_released", "Channel was released");
    number.apiKey = newApiKey();
    c.apiKeyCount += 1;
    return { status: 201, json: { id: `${c.id}-key-${c.apiKeyCount}`, api_key: number.apiKey, address: `${ctx.origin}/d360`, app_id: c.id } };
  }));

  // Releasing a channel revokes its key (the business number disappears) and puts the number back in the pool.
  router.on("DELETE", `${base}/channels/:channelId`, authed(state, (ctx) => {
    const c = channel(ctx);
    if (!c) return partnerError(404, "channel_not_found", "Channel not found");
    if (c.status === "active") {
      c.status = "released";
      state.numbers = state.numbers.filter((n) => n.phoneNumberId !== c.phoneNumberId);
      freeNumber(p(), c.numberId);
      const r = p().reservations.get(c.reservationId);
      if (r) r.status = "released";
    }
    return { status: 200, json: channelView(c) };
  }));
}

function createChannel(state: SandboxState, r: Reservation): Channel {
  const p = state.dialog360Partner;
  const number = p.pool.find((n) => n.id === r.numberId)!;
  number.status = "active";
  const c: Channel = {
    id: newPartnerId("ch"),
    numberId: number.id,
    reservationId: r.id,
    phoneNumber: number.phoneNumber,
    phoneNumberId: newGraphId().slice(1),
    wabaId: newGraphId().slice(1),
    status: "active",
    apiKeyCount: 0,
    createdAt: partnerNow(p),
  };
  p.channels.set(c.id, c);
  r.status = "verified";
  r.channelId = c.id;
  // The number can send once a key is issued; until then no key matches it.
  state.numbers.push({
    provider: "DIALOG_360",
    phoneNumberId: c.phoneNumberId,
    wabaId: c.wabaId,
    displayPhoneNumber: number.phoneNumber,
    verifiedName: "CampoTech (360dialog)",
    webhookUrl: `${state.config.publicBaseUrl}/api/webhooks/dialog360`,
    webhookHeaders: {},
    builtIn: false,
  });
  return c;
}
