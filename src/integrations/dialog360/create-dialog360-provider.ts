import { createCloudApiProvider } from "../meta/create-cloud-api-provider";
import { parseGraphError } from "../meta/parse-graph-error";
import { httpRequest, isRecord, parseJson } from "../whatsapp/http-request";
import type { ClientConfig, HealthCheckResult, WhatsAppBSPProvider } from "../whatsapp/types";
import { resolveDialog360Config } from "./resolve-dialog360-config";

export type Dialog360Account = { apiKey: string };

// DIALOG_360: Meta's JSON at {base}/messages, one `D360-API-KEY` per phone number (the key identifies the number).
export function createDialog360Provider(account: Dialog360Account, config: ClientConfig = {}): WhatsAppBSPProvider {
  const { baseUrl, timeoutMs } = resolveDialog360Config(config);
  const authHeaders = { "d360-api-key": account.apiKey };

  // /health_status is Meta's health_status for the number: can_send_message AVAILABLE | LIMITED | BLOCKED.
  async function healthCheck(): Promise<HealthCheckResult> {
    const started = Date.now();
    const res = await httpRequest({ provider: "DIALOG_360", url: `${baseUrl}/health_status`, headers: authHeaders, timeoutMs });
    const latencyMs = Date.now() - started;
    if (!res.ok) return { healthy: false, details: { latencyMs, error: res.error } };
    if (res.response.status >= 300) return { healthy: false, details: { latencyMs, error: parseGraphError("DIALOG_360", res.response) } };
    const body = parseJson(res.response.bytes);
    const status = isRecord(body) && isRecord(body.health_status) ? body.health_status.can_send_message : undefined;
    return { healthy: status !== "BLOCKED", details: { latencyMs, canSendMessage: status ?? "UNKNOWN" } };
  }

  return createCloudApiProvider({
    provider: "DIALOG_360",
    baseUrl,
    messagesUrl: `${baseUrl}/messages`,
    mediaUploadUrl: `${baseUrl}/media`,
    mediaInfoUrl: (mediaId) => `${baseUrl}/${encodeURIComponent(mediaId)}`,
    resolveDownloadUrl: (url) => toDialog360MediaUrl(url, baseUrl),
    authHeaders,
    healthCheck,
    timeoutMs,
  });
}

// 360dialog returns Meta's lookaside.fbsbx.com URL; the bytes are served by 360dialog at the same path and query
// on its own host, with the D360 key (reference/WHATSAPP.md §5).
export function toDialog360MediaUrl(url: string, baseUrl: string): string {
  const parsed = new URL(url);
  if (!parsed.hostname.endsWith("fbsbx.com")) return url;
  return `${baseUrl}${parsed.pathname}${parsed.search}`;
}
