import type { AddressInfo } from "node:net";
import { configFromEnv, type SandboxConfig } from "./config.ts";
import type { MercadoPagoConfig } from "./mercadopago/config.ts";
import { getEnv } from "./env.ts";
import { startSmtpCatcher } from "./notify/smtp-catcher.ts";
import { createSandboxServer } from "./server.ts";
import { clearTimers, createState } from "./state.ts";

export type { OutOfOrderMode, SandboxConfig } from "./config.ts";
export type { ArcaConfig } from "./arca/config.ts";
export type { MercadoPagoConfig } from "./mercadopago/config.ts";
export type {
  BusinessNumber,
  CustomerMessage,
  InboxEntry,
  Provider,
  RecordedRequest,
  WebhookAttempt,
} from "./state.ts";
export type { Fault } from "./faults.ts";
export type { CustomerMessageInput } from "./customers/schema.ts";
export { DEMO as SANDBOX_DEMO_NUMBERS } from "./numbers.ts";
export { ARCA_TAXPAYERS } from "./arca/taxpayers.ts";
export { MERCADOPAGO_SELLERS } from "./mercadopago/sellers.ts";
export { mercadoPagoSignature, signatureManifest } from "./mercadopago/sign.ts";
export { CONTENT_SIDS } from "./twilio/content.ts";
export { metaJson, hubSignature256, dialog360Signature, twilioSignature } from "./webhooks/sign.ts";

/** `config.mercadopago` may name only the knobs to change; the rest keep their defaults. */
export type StartSandboxOptions = {
  port?: number;
  smtpPort?: number;
  host?: string;
  config?: Partial<Omit<SandboxConfig, "mercadopago">> & { mercadopago?: Partial<MercadoPagoConfig> };
};
export type RunningSandbox = { url: string; smtpPort: number; config: SandboxConfig; close(): Promise<void> };
export type { CaughtEmail, PushRecord } from "./state.ts";

export class ProductionRefusedError extends Error {
  override name = "ProductionRefusedError";
}

/** Starts the provider sandbox. Port 0 picks a free port (tests). Refuses to run with NODE_ENV=production. */
export async function startSandbox(options: StartSandboxOptions = {}): Promise<RunningSandbox> {
  const env = getEnv();
  if (env.NODE_ENV === "production") {
    throw new ProductionRefusedError(
      "The CampoTech sandbox emulates WhatsApp/SMS providers with fake credentials and must never run with NODE_ENV=production.",
    );
  }
  const base = configFromEnv(env);
  const config: SandboxConfig = { ...base, ...options.config, mercadopago: { ...base.mercadopago, ...options.config?.mercadopago } };
  const state = createState(config);
  const server = createSandboxServer(state);
  const host = options.host ?? env.SANDBOX_HOST;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? env.SANDBOX_PORT, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const reachableHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
  const url = `http://${reachableHost}:${port}`;
  state.baseUrl = config.sandboxPublicUrl ?? url;
  // SANDBOX_SMTP_PORT only for the standalone sandbox: an embedder that picks its HTTP port (tests, the global test
  // setup, benches) gets a free SMTP port unless it names one, so parallel sandboxes never collide on 4025.
  const smtp = await startSmtpCatcher(state, options.smtpPort ?? (options.port === undefined ? env.SANDBOX_SMTP_PORT : 0), host);
  return {
    url,
    smtpPort: smtp.port,
    config,
    close: async () => {
      await smtp.close();
      clearTimers(state);
      state.lifecycle.abort();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
