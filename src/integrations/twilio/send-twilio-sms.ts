import { env } from "../../lib/env";
import { httpRequest } from "../whatsapp/http-request";
import type { ClientConfig, SendResult } from "../whatsapp/types";
import { parseTwilioError } from "./parse-twilio-error";
import { parseTwilioMessage } from "./parse-twilio-message";
import { basicAuth, messagesUrl, resolveTwilioConfig, toSmsAddress, type TwilioCredentials } from "./resolve-twilio-config";

export type SmsInput = { to: string; body: string; from: string };

// Plain SMS through the same Messages API (no whatsapp: prefix): SMS fallback and login codes.
// Platform credentials from env unless the organization has its own Twilio account.
export async function sendTwilioSms(
  input: SmsInput,
  credentials: TwilioCredentials = { accountSid: env.TWILIO_ACCOUNT_SID, authToken: env.TWILIO_AUTH_TOKEN },
  config: ClientConfig = {},
): Promise<SendResult> {
  const { baseUrl, timeoutMs } = resolveTwilioConfig(config);
  const form = new URLSearchParams({ From: toSmsAddress(input.from), To: toSmsAddress(input.to), Body: input.body });
  const res = await httpRequest({
    provider: "TWILIO",
    url: messagesUrl(baseUrl, credentials.accountSid),
    method: "POST",
    headers: { ...basicAuth(credentials), "content-type": "application/x-www-form-urlencoded" },
    body: form.toString(),
    timeoutMs,
  });
  if (!res.ok) return res;
  if (res.response.status >= 300) return { ok: false, error: parseTwilioError(res.response) };
  return parseTwilioMessage(res.response);
}
