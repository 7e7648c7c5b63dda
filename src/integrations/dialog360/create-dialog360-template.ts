import { parseGraphError } from "../meta/parse-graph-error";
import type { MessageTemplateDefinition } from "../meta/parse-message-template";
import { httpRequest, isRecord, parseJson } from "../whatsapp/http-request";
import type { ClientConfig, Result } from "../whatsapp/types";
import { resolveDialog360Config } from "./resolve-dialog360-config";

// POST /v1/configs/templates with Meta's template definition; approval arrives later by webhook.
export async function createDialog360Template(
  account: { apiKey: string },
  definition: MessageTemplateDefinition,
  config: ClientConfig = {},
): Promise<Result<{ id: string; status: string }>> {
  const { baseUrl, timeoutMs } = resolveDialog360Config(config);
  const res = await httpRequest({
    provider: "DIALOG_360",
    url: `${baseUrl}/v1/configs/templates`,
    method: "POST",
    headers: { "d360-api-key": account.apiKey, "content-type": "application/json" },
    body: JSON.stringify(definition),
    timeoutMs,
  });
  if (!res.ok) return res;
  if (res.response.status >= 300) return { ok: false, error: parseGraphError("DIALOG_360", res.response) };
  const body = parseJson(res.response.bytes);
  const id = isRecord(body) && typeof body.id === "string" ? body.id : "";
  const status = isRecord(body) && typeof body.status === "string" ? body.status : "PENDING";
  return { ok: true, id, status };
}
