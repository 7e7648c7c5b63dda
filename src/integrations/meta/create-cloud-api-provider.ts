import { httpRequest, isRecord, parseJson } from "../whatsapp/http-request";
import { isTrustedMediaUrl } from "../whatsapp/trusted-media-url";
import type {
  DownloadMediaResult,
  HealthCheckResult,
  MarkAsReadResult,
  ProviderCapabilities,
  ProviderError,
  SendInput,
  SendResult,
  UploadMediaInput,
  UploadMediaResult,
  WhatsAppBSPProvider,
} from "../whatsapp/types";
import { assertValidOutboundMessage } from "../whatsapp/validate-outbound-message";
import { parseGraphError } from "./parse-graph-error";
import { toGraphMessage } from "./to-graph-message";

// META_DIRECT and DIALOG_360 speak the same Cloud API JSON; they differ only in URLs, the auth header, where
// media bytes are fetched from and how health is read. Both clients are this function with different endpoints.
export type CloudApiEndpoints = {
  provider: "META_DIRECT" | "DIALOG_360";
  baseUrl: string;
  messagesUrl: string;
  mediaUploadUrl: string;
  mediaInfoUrl: (mediaId: string) => string;
  // 360dialog serves Meta's media through its own host; Meta serves it from the URL as given.
  resolveDownloadUrl: (url: string) => string;
  authHeaders: Record<string, string>;
  healthCheck: () => Promise<HealthCheckResult>;
  timeoutMs: number;
};

export const CLOUD_API_CAPABILITIES: ProviderCapabilities = {
  contentTypes: new Set(["text", "template", "buttons", "list", "media", "location", "reaction"]),
  mediaById: true,
  replyContext: true,
  readReceipts: true,
};

// Meta's media CDN hosts (lookaside.fbsbx.com and friends) may receive the token; nothing else outside baseUrl.
const META_MEDIA_HOSTS = ["fbsbx.com", "facebook.com", "whatsapp.net", "360dialog.io"] as const;

export function createCloudApiProvider(endpoints: CloudApiEndpoints): WhatsAppBSPProvider {
  const { provider, authHeaders, timeoutMs } = endpoints;

  async function postJson(url: string, body: unknown) {
    return httpRequest({
      provider,
      url,
      method: "POST",
      headers: { ...authHeaders, "content-type": "application/json" },
      body: JSON.stringify(body),
      timeoutMs,
    });
  }

  async function send(input: SendInput): Promise<SendResult> {
    assertValidOutboundMessage(input, { provider, capabilities: CLOUD_API_CAPABILITIES });
    const res = await postJson(endpoints.messagesUrl, toGraphMessage(input));
    if (!res.ok) return res;
    if (res.response.status >= 300) return { ok: false, error: parseGraphError(provider, res.response) };
    const body = parseJson(res.response.bytes);
    const messages = isRecord(body) && Array.isArray(body.messages) ? body.messages : [];
    const contacts = isRecord(body) && Array.isArray(body.contacts) ? body.contacts : [];
    const id = isRecord(messages[0]) ? messages[0].id : undefined;
    const waId = isRecord(contacts[0]) ? contacts[0].wa_id : undefined;
    // Accepted but unreadable: the message may be out, so a retry could duplicate it.
    if (typeof id !== "string") return { ok: false, error: invalidResponse("send response without messages[0].id") };
    return { ok: true, providerMessageId: id, ...(typeof waId === "string" ? { recipientWaId: waId } : {}) };
  }

  async function markAsRead(messageId: string): Promise<MarkAsReadResult> {
    const res = await postJson(endpoints.messagesUrl, { messaging_product: "whatsapp", status: "read", message_id: messageId });
    if (!res.ok) return res;
    if (res.response.status >= 300) return { ok: false, error: parseGraphError(provider, res.response) };
    return { ok: true };
  }

  async function uploadMedia(input: UploadMediaInput): Promise<UploadMediaResult> {
    const form = new FormData();
    form.set("messaging_product", "whatsapp");
    form.set("type", input.mimeType);
    // A copy backed by a plain ArrayBuffer: the DOM typings of Blob refuse views over a SharedArrayBuffer.
    form.set("file", new Blob([new Uint8Array(input.bytes)], { type: input.mimeType }), input.filename ?? "file");
    // No content-type header: fetch sets multipart/form-data with its boundary.
    const res = await httpRequest({ provider, url: endpoints.mediaUploadUrl, method: "POST", headers: authHeaders, body: form, timeoutMs });
    if (!res.ok) return res;
    if (res.response.status >= 300) return { ok: false, error: parseGraphError(provider, res.response) };
    const body = parseJson(res.response.bytes);
    const id = isRecord(body) ? body.id : undefined;
    if (typeof id !== "string") return { ok: false, error: invalidResponse("upload response without id") };
    return { ok: true, mediaId: id };
  }

  // Two steps: the media id gives a short-lived URL (≈5 min) plus metadata; the bytes need the same credential.
  async function downloadMedia(mediaIdOrUrl: string): Promise<DownloadMediaResult> {
    let url = mediaIdOrUrl;
    let meta: { mimeType?: string; sha256?: string; fileSize?: number } = {};
    if (!/^https?:\/\//.test(mediaIdOrUrl)) {
      const info = await httpRequest({ provider, url: endpoints.mediaInfoUrl(mediaIdOrUrl), headers: authHeaders, timeoutMs });
      if (!info.ok) return info;
      if (info.response.status >= 300) return { ok: false, error: parseGraphError(provider, info.response) };
      const body = parseJson(info.response.bytes);
      if (!isRecord(body) || typeof body.url !== "string") return { ok: false, error: invalidResponse("media metadata without url") };
      url = body.url;
      meta = {
        ...(typeof body.mime_type === "string" ? { mimeType: body.mime_type } : {}),
        ...(typeof body.sha256 === "string" ? { sha256: body.sha256 } : {}),
        ...(typeof body.file_size === "number" || typeof body.file_size === "string" ? { fileSize: Number(body.file_size) } : {}),
      };
    }
    const downloadUrl = endpoints.resolveDownloadUrl(url);
    if (!isTrustedMediaUrl(downloadUrl, endpoints.baseUrl, META_MEDIA_HOSTS)) {
      return { ok: false, error: { provider, code: "untrusted_media_url", title: "Media URL is not on a provider host", details: new URL(downloadUrl).host, action: "fail" } };
    }
    const file = await httpRequest({ provider, url: downloadUrl, headers: authHeaders, timeoutMs });
    if (!file.ok) return file;
    if (file.response.status >= 300) return { ok: false, error: parseGraphError(provider, file.response) };
    const bytes = file.response.bytes;
    return {
      ok: true,
      bytes,
      mimeType: meta.mimeType ?? file.response.headers.get("content-type") ?? "application/octet-stream",
      ...(meta.sha256 ? { sha256: meta.sha256 } : {}),
      fileSize: bytes.byteLength,
    };
  }

  function invalidResponse(details: string): ProviderError {
    return { provider, code: "invalid_response", title: "Unexpected response from the provider", details, action: "fail" };
  }

  return {
    provider,
    capabilities: CLOUD_API_CAPABILITIES,
    send,
    markAsRead,
    uploadMedia,
    downloadMedia,
    healthCheck: endpoints.healthCheck,
  };
}
