import { env } from "../../lib/env";
import { trimSlash } from "../whatsapp/http-request";
import { DEFAULT_TIMEOUT_MS, type ClientConfig } from "../whatsapp/types";

export type TwilioConfig = { baseUrl: string; timeoutMs: number };

// Production base: https://api.twilio.com. The API version (2010-04-01) is part of every path, not configurable.
export function resolveTwilioConfig(config: ClientConfig = {}): TwilioConfig {
  return {
    baseUrl: trimSlash(config.baseUrl ?? env.TWILIO_API_BASE_URL),
    timeoutMs: config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  };
}

export type TwilioCredentials = { accountSid: string; authToken: string };

export function basicAuth({ accountSid, authToken }: TwilioCredentials): Record<string, string> {
  return { authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString("base64")}` };
}

export function messagesUrl(baseUrl: string, accountSid: string): string {
  return `${baseUrl}/2010-04-01/Accounts/${encodeURIComponent(accountSid)}/Messages.json`;
}

// "5491152630002", "+5491152630002" or "whatsapp:+5491152630002" → "whatsapp:+5491152630002".
export function toWhatsAppAddress(number: string): string {
  return `whatsapp:+${number.replace(/^whatsapp:/, "").replace(/\D/g, "")}`;
}

export function toSmsAddress(number: string): string {
  return `+${number.replace(/^whatsapp:/, "").replace(/\D/g, "")}`;
}
