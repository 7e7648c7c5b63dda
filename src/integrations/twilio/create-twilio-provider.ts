import { AppError } from "../../lib/errors";
import { httpRequest, isRecord, parseJson } from "../whatsapp/http-request";
import { isTrustedMediaUrl } from "../whatsapp/trusted-media-url";
import type {
  ClientConfig,
  DownloadMediaResult,
  HealthCheckResult,
  ProviderCapabilities,
  SendInput,
  SendResult,
  WhatsAppBSPProvider,
} from "../whatsapp/types";
import { assertValidOutboundMessage } from "../whatsapp/validate-outbound-message";
import { parseTwilioError } from "./parse-twilio-error";
import { parseTwilioMessage } from "./parse-twilio-message";
import { basicAuth, messagesUrl, resolveTwilioConfig, type TwilioCredentials } from "./resolve-twilio-config";
import { sendTwilioSms } from "./send-twilio-sms";
import { toTwilioMessage, type TwilioSender } from "./to-twilio-message";

export type TwilioAccount = TwilioCredentials & TwilioSender;

// Twilio carries text, media by public link, templates (ContentSid) and locations (PersistentAction). Buttons and
// lists exist only inside Content templates; reactions, quoted replies and read receipts are not in the Messages API.
export const TWILIO_CAPABILITIES: ProviderCapabilities = {
  contentTypes: new Set(["text", "template", "media", "location"]),
  mediaById: false,
  replyContext: false,
  readReceipts: false,
};

const TWILIO_MEDIA_HOSTS = ["twilio.com", "twiliocdn.com", "twilio-cdn.com"] as const;

export type TwilioProvider = WhatsAppBSPProvider & {
  sendSms(input: { to: string; body: string; from?: string }): Promise<SendResult>;
};

export function createTwilioProvider(account: TwilioAccount, config: ClientConfig = {}): TwilioProvider {
  const { baseUrl, timeoutMs } = resolveTwilioConfig(config);
  const auth = basicAuth(account);

  async function send(input: SendInput): Promise<SendResult> {
    assertValidOutboundMessage(input, { provider: "TWILIO", capabilities: TWILIO_CAPABILITIES });
    const res = await httpRequest({
      provider: "TWILIO",
      url: messagesUrl(baseUrl, account.accountSid),
      method: "POST",
      headers: { ...auth, "content-type": "application/x-www-form-urlencoded" },
      body: toTwilioMessage(input, account).toString(),
      timeoutMs,
    });
    if (!res.ok) return res;
    if (res.response.status >= 300) return { ok: false, error: parseTwilioError(res.response) };
    return parseTwilioMessage(res.response);
  }

  // MediaUrl from an inbound webhook; Twilio serves it with Basic auth and redirects to its CDN (fetch drops the
  // Authorization header on that cross-origin redirect, which is what Twilio expects).
  async function downloadMedia(mediaUrl: string): Promise<DownloadMediaResult> {
    if (!isTrustedMediaUrl(mediaUrl, baseUrl, TWILIO_MEDIA_HOSTS)) {
      return { ok: false, error: { provider: "TWILIO", code: "untrusted_media_url", title: "Twilio media is downloaded by its MediaUrl on a Twilio host", details: mediaUrl.slice(0, 120), action: "fail" } };
    }
    const res = await httpRequest({ provider: "TWILIO", url: mediaUrl, headers: auth, timeoutMs });
    if (!res.ok) return res;
    if (res.response.status >= 300) return { ok: false, error: parseTwilioError(res.response) };
    const { bytes, headers } = res.response;
    return { ok: true, bytes, mimeType: headers.get("content-type") ?? "application/octet-stream", fileSize: bytes.byteLength };
  }

  // Fetching the Account resource proves the SID/token pair and that the account is active.
  async function healthCheck(): Promise<HealthCheckResult> {
    const started = Date.now();
    const res = await httpRequest({
      provider: "TWILIO",
      url: `${baseUrl}/2010-04-01/Accounts/${encodeURIComponent(account.accountSid)}.json`,
      headers: auth,
      timeoutMs,
    });
    const latencyMs = Date.now() - started;
    if (!res.ok) return { healthy: false, details: { latencyMs, error: res.error } };
    if (res.response.status >= 300) return { healthy: false, details: { latencyMs, error: parseTwilioError(res.response) } };
    const body = parseJson(res.response.bytes);
    const status = isRecord(body) && typeof body.status === "string" ? body.status : "unknown";
    return { healthy: status === "active", details: { latencyMs, accountStatus: status } };
  }

  return {
    provider: "TWILIO",
    capabilities: TWILIO_CAPABILITIES,
    send,
    // The Messages API has no read receipt for WhatsApp: succeed without a request so callers need no branch.
    markAsRead: async () => ({ ok: true, skipped: "Twilio's Messages API has no read receipts for WhatsApp" }),
    uploadMedia: async () => {
      throw new AppError("VALIDATION_FAILED", {
        detail: "TWILIO has no media upload: send media by public link (MediaUrl)",
        fields: { "content.id": "Twilio no aloja archivos: enviá el archivo con un enlace público." },
      });
    },
    downloadMedia,
    healthCheck,
    sendSms: (input) => sendTwilioSms({ ...input, from: input.from ?? account.from }, account, config),
  };
}
