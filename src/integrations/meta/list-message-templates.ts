import { httpRequest, parseJson } from "../whatsapp/http-request";
import type { ClientConfig, Result } from "../whatsapp/types";
import { parseGraphError } from "./parse-graph-error";
import { parseMessageTemplateList, type MessageTemplate } from "./parse-message-template";
import { resolveMetaConfig } from "./resolve-meta-config";

// GET /{version}/{wabaId}/message_templates. One page of up to 250: a field-service business has a few dozen.
export async function listMetaMessageTemplates(
  account: { wabaId: string; accessToken: string },
  config: ClientConfig = {},
): Promise<Result<{ templates: MessageTemplate[] }>> {
  const { baseUrl, apiVersion, timeoutMs } = resolveMetaConfig(config);
  const res = await httpRequest({
    provider: "META_DIRECT",
    url: `${baseUrl}/${apiVersion}/${encodeURIComponent(account.wabaId)}/message_templates?limit=250`,
    headers: { authorization: `Bearer ${account.accessToken}` },
    timeoutMs,
  });
  if (!res.ok) return res;
  if (res.response.status >= 300) return { ok: false, error: parseGraphError("META_DIRECT", res.response) };
  return { ok: true, templates: parseMessageTemplateList(parseJson(res.response.bytes)) };
}
