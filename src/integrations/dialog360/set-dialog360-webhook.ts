import { parseGraphError } from "../meta/parse-graph-error";
import { httpRequest } from "../whatsapp/http-request";
import type { ClientConfig, Result } from "../whatsapp/types";
import { resolveDialog360Config } from "./resolve-dialog360-config";

// POST /v1/configs/webhook {url, headers}: 360dialog sends `headers` with every event, so a shared secret header
// authenticates its webhooks to us (the body signature is optional on their side).
export async function setDialog360Webhook(
  account: { apiKey: string },
  webhook: { url: string; headers?: Record<string, string> },
  config: ClientConfig = {},
): Promise<Result<Record<never, never>>> {
  const { baseUrl, timeoutMs } = resolveDialog360Config(config);
  const res = await httpRequest({
    provider: "DIALOG_360",
    url: `${baseUrl}/v1/configs/webhook`,
    method: "POST",
    headers: { "d360-api-key": account.apiKey, "content-type": "application/json" },
    body: JSON.stringify({ url: webhook.url, ...(webhook.headers ? { headers: webhook.headers } : {}) }),
    timeoutMs,
  });
  if (!res.ok) return res;
  if (res.response.status >= 300) return { ok: false, error: parseGraphError("DIALOG_360", res.response) };
  return { ok: true };
}
