import { httpRequest, isRecord, parseJson } from "../whatsapp/http-request";
import type { ClientConfig, HealthCheckResult, WhatsAppBSPProvider } from "../whatsapp/types";
import { createCloudApiProvider } from "./create-cloud-api-provider";
import { parseGraphError } from "./parse-graph-error";
import { resolveMetaConfig } from "./resolve-meta-config";

export type MetaAccount = { phoneNumberId: string; accessToken: string };

// META_DIRECT: Graph API, `Authorization: Bearer <system-user token>`, the phone-number id in every path.
export function createMetaProvider(account: MetaAccount, config: ClientConfig = {}): WhatsAppBSPProvider {
  const { baseUrl, apiVersion, timeoutMs } = resolveMetaConfig(config);
  const root = `${baseUrl}/${apiVersion}`;
  const authHeaders = { authorization: `Bearer ${account.accessToken}` };
  const number = encodeURIComponent(account.phoneNumberId);

  // Reading the phone-number node proves the token, the permission and the number in one call.
  async function healthCheck(): Promise<HealthCheckResult> {
    const started = Date.now();
    const res = await httpRequest({
      provider: "META_DIRECT",
      url: `${root}/${number}?fields=display_phone_number,quality_rating,verified_name`,
      headers: authHeaders,
      timeoutMs,
    });
    const latencyMs = Date.now() - started;
    if (!res.ok) return { healthy: false, details: { phoneNumberId: account.phoneNumberId, latencyMs, error: res.error } };
    if (res.response.status >= 300) {
      return { healthy: false, details: { phoneNumberId: account.phoneNumberId, latencyMs, error: parseGraphError("META_DIRECT", res.response) } };
    }
    const body = parseJson(res.response.bytes);
    return {
      healthy: true,
      details: {
        phoneNumberId: account.phoneNumberId,
        latencyMs,
        ...(isRecord(body) ? { displayPhoneNumber: body.display_phone_number, qualityRating: body.quality_rating } : {}),
      },
    };
  }

  return createCloudApiProvider({
    provider: "META_DIRECT",
    baseUrl,
    messagesUrl: `${root}/${number}/messages`,
    mediaUploadUrl: `${root}/${number}/media`,
    mediaInfoUrl: (mediaId) => `${root}/${encodeURIComponent(mediaId)}?phone_number_id=${number}`,
    resolveDownloadUrl: (url) => url,
    authHeaders,
    healthCheck,
    timeoutMs,
  });
}
