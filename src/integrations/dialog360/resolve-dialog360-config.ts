import { env } from "../../lib/env";
import { trimSlash } from "../whatsapp/http-request";
import { DEFAULT_TIMEOUT_MS, type ClientConfig } from "../whatsapp/types";

export type Dialog360Config = { baseUrl: string; timeoutMs: number };

// Production base: https://waba-v2.360dialog.io (Cloud API). apiVersion is ignored: 360dialog has no version in paths.
export function resolveDialog360Config(config: ClientConfig = {}): Dialog360Config {
  return {
    baseUrl: trimSlash(config.baseUrl ?? env.DIALOG360_API_BASE_URL),
    timeoutMs: config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  };
}
