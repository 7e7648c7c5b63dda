import { env } from "../../lib/env";
import { httpRequest, isRecord, parseJson, trimSlash } from "../whatsapp/http-request";
import { DEFAULT_TIMEOUT_MS } from "../whatsapp/types";
import { partnerHttpError, partnerTransportError } from "./partner-errors";

// 360dialog Partner API (hub.360dialog.io/api/v2; the sandbox's /dialog360/partner/api/v2 locally): the number pool
// CampoTech provisions WhatsApp numbers from. Every call is authenticated with the partner's x-api-key and scoped to
// /partners/{partnerId}. Failures throw AppErrors with Spanish reasons (partner-errors.ts).

export type PartnerClientConfig = { baseUrl?: string; partnerId?: string; apiKey?: string; timeoutMs?: number };

export type PoolNumber = { id: string; phoneNumber: string; areaCode: string };
export type PartnerReservation = { id: string; numberId: string; phoneNumber: string; areaCode: string; status: string; expiresAt: Date };
export type PartnerChannel = { id: string; phoneNumber: string; phoneNumberId: string; wabaId: string | null; status: string };
export type PartnerApiKey = { apiKey: string; address: string | null };

type Json = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === "string" ? v : "");

export function createDialog360PartnerClient(config: PartnerClientConfig = {}) {
  const baseUrl = trimSlash(config.baseUrl ?? env.DIALOG360_PARTNER_API_URL);
  const partnerId = config.partnerId ?? env.DIALOG360_PARTNER_ID;
  const apiKey = config.apiKey ?? env.DIALOG360_PARTNER_API_KEY;
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  async function call(method: "GET" | "POST" | "DELETE", path: string, body?: unknown): Promise<Json> {
    const res = await httpRequest({
      provider: "DIALOG_360",
      url: `${baseUrl}/partners/${encodeURIComponent(partnerId)}${path}`,
      method,
      headers: { "x-api-key": apiKey, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      timeoutMs,
    });
    if (!res.ok) throw partnerTransportError(res.error);
    if (res.response.status >= 300) throw partnerHttpError(res.response);
    const parsed = parseJson(res.response.bytes);
    return isRecord(parsed) ? parsed : {};
  }

  const reservation = (r: Json): PartnerReservation => ({
    id: str(r.id), numberId: str(r.number_id), phoneNumber: str(r.phone_number), areaCode: str(r.area_code), status: str(r.status), expiresAt: new Date(str(r.expires_at)),
  });
  const channel = (c: Json): PartnerChannel => ({
    id: str(c.id), phoneNumber: str(c.phone_number), phoneNumberId: str(c.phone_number_id), wabaId: isRecord(c.waba_account) ? str(c.waba_account.id) || null : null, status: str(c.status),
  });

  return {
    async listNumbers(areaCode: string): Promise<PoolNumber[]> {
      const body = await call("GET", `/numbers?area_code=${encodeURIComponent(areaCode)}`);
      const list = Array.isArray(body.numbers) ? body.numbers.filter(isRecord) : [];
      return list.map((n) => ({ id: str(n.id), phoneNumber: str(n.phone_number), areaCode: str(n.area_code) }));
    },
    async reserveNumber(numberId: string): Promise<PartnerReservation> {
      return reservation(await call("POST", `/numbers/${encodeURIComponent(numberId)}/reserve`));
    },
    async getReservation(reservationId: string): Promise<PartnerReservation> {
      return reservation(await call("GET", `/reservations/${encodeURIComponent(reservationId)}`));
    },
    async releaseReservation(reservationId: string): Promise<void> {
      await call("DELETE", `/reservations/${encodeURIComponent(reservationId)}`);
    },
    /** Texts the 6-digit code to `phone` (E.164); the partner holds the reservation until the code expires. */
    async requestVerificationCode(reservationId: string, phone: string): Promise<{ sentAt: Date; expiresAt: Date; reservationExpiresAt: Date }> {
      const body = await call("POST", `/reservations/${encodeURIComponent(reservationId)}/verification_code`, { phone_number: phone, method: "sms" });
      const held = isRecord(body.reservation) ? new Date(str(body.reservation.expires_at)) : new Date(str(body.expires_at));
      return { sentAt: new Date(str(body.sent_at)), expiresAt: new Date(str(body.expires_at)), reservationExpiresAt: held };
    },
    async verifyCode(reservationId: string, code: string): Promise<PartnerChannel> {
      const body = await call("POST", `/reservations/${encodeURIComponent(reservationId)}/verify`, { code });
      return channel(isRecord(body.channel) ? body.channel : {});
    },
    async getChannel(channelId: string): Promise<PartnerChannel> {
      return channel(await call("GET", `/channels/${encodeURIComponent(channelId)}`));
    },
    /** Issues a new D360 API key for the channel; 360dialog revokes the previous one. */
    async issueApiKey(channelId: string): Promise<PartnerApiKey> {
      const body = await call("POST", `/channels/${encodeURIComponent(channelId)}/api_keys`);
      return { apiKey: str(body.api_key), address: str(body.address) || null };
    },
    async releaseChannel(channelId: string): Promise<void> {
      await call("DELETE", `/channels/${encodeURIComponent(channelId)}`);
    },
  };
}

export type Dialog360PartnerClient = ReturnType<typeof createDialog360PartnerClient>;
