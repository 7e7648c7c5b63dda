import { parseGraphError } from "../meta/parse-graph-error";
import { parseMessageTemplateList, type MessageTemplate } from "../meta/parse-message-template";
import { httpRequest, parseJson } from "../whatsapp/http-request";
import type { ClientConfig, Result } from "../whatsapp/types";
import { resolveDialog360Config } from "./resolve-dialog360-config";

// GET /v1/configs/templates: the templates of the WABA that owns this number's key.
export async function listDialog360Templates(
  account: { apiKey: string },
  config: ClientConfig = {},
): Promise<Result<{ templates: MessageTemplate[] }>> {
  const { baseUrl, timeoutMs } = resolveDialog360Config(config);
  const res = await httpRequest({
    provider: "DIALOG_360",
    url: `${baseUrl}/v1/configs/templates?limit=250`,
    headers: { "d360-api-key": account.apiKey },
    timeoutMs,
  });
  if (!res.ok) return res;
  if (res.response.status >= 300) return { ok: false, error: parseGraphError("DIALOG_360", res.response) };
  return { ok: true, templates: parseMessageTemplateList(parseJson(res.response.bytes)) };
}
