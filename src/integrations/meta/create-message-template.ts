import { httpRequest, isRecord, parseJson } from "../whatsapp/http-request";
import type { ClientConfig, Result } from "../whatsapp/types";
import { parseGraphError } from "./parse-graph-error";
import type { MessageTemplateDefinition } from "./parse-message-template";
import { resolveMetaConfig } from "./resolve-meta-config";

// POST /{version}/{wabaId}/message_templates. Meta answers {id, status, category}; approval arrives later via the
// message_template_status_update webhook.
export async function createMetaMessageTemplate(
  account: { wabaId: string; accessToken: string },
  definition: MessageTemplateDefinition,
  config: ClientConfig = {},
): Promise<Result<{ id: string; status: string }>> {
  const { baseUrl, apiVersion, timeoutMs } = resolveMetaConfig(config);
  const res = await httpRequest({
    provider: "META_DIRECT",
    url: `${baseUrl}/${apiVersion}/${encodeURIComponent(account.wabaId)}/message_templates`,
    method: "POST",
    headers: { authorization: `Bearer ${account.accessToken}`, "content-type": "application/json" },
    body: JSON.stringify(definition),
    timeoutMs,
  });
  if (!res.ok) return res;
  if (res.response.status >= 300) return { ok: false, error: parseGraphError("META_DIRECT", res.response) };
  const body = parseJson(res.response.bytes);
  const id = isRecord(body) && typeof body.id === "string" ? body.id : "";
  const status = isRecord(body) && typeof body.status === "string" ? body.status : "PENDING";
  return { ok: true, id, status };
}
