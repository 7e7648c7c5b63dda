import { z } from "zod";
import type { Application } from "./state.ts";

// Our platform application as MercadoPago knows it: credentials (config), registered redirect URIs, webhook URL.

/** The numeric application id MercadoPago embeds in access tokens (ours is configured by its string client_id). */
export const APPLICATION_NUMBER = "7310852946318204";

/**
 * MercadoPago compares redirect_uri with the registered ones byte for byte. The only sandbox liberty: a registered
 * URI whose port is "*" accepts any port, so tests and dev servers on other ports work.
 */
export function isRegisteredRedirectUri(app: Application, redirectUri: string): boolean {
  return app.redirectUris.some((registered) => {
    if (!registered.includes("*")) return registered === redirectUri;
    const pattern = registered.split("*").map(escapeRegExp).join("\\d{1,5}");
    return new RegExp(`^${pattern}$`).test(redirectUri);
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const redirectUri = z.string().refine((value) => {
  try {
    const url = new URL(value.replace(/:\*(?=\/|$)/, ":1"));
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}, "tiene que ser una URL http(s) (se admite :* como puerto)");

export const applicationPatchSchema = z
  .object({
    redirectUris: z.array(redirectUri).min(1).optional(),
    webhookUrl: z.url().nullable().optional(),
  })
  .strict();

export function applicationView(app: Application, clientId: string, name: string): Record<string, unknown> {
  return { client_id: clientId, name, application_number: APPLICATION_NUMBER, redirect_uris: app.redirectUris, webhook_url: app.webhookUrl };
}
