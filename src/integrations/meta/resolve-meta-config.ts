import { env } from "../../lib/env";
import { trimSlash } from "../whatsapp/http-request";
import { DEFAULT_TIMEOUT_MS, type ClientConfig } from "../whatsapp/types";

export type MetaConfig = { baseUrl: string; apiVersion: string; timeoutMs: number };

// env gives the defaults (the sandbox locally, https://graph.facebook.com in production); tests override.
export function resolveMetaConfig(config: ClientConfig = {}): MetaConfig {
  return {
    baseUrl: trimSlash(config.baseUrl ?? env.META_GRAPH_API_URL),
    apiVersion: config.apiVersion ?? env.META_GRAPH_API_VERSION,
    timeoutMs: config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  };
}
