import { z } from "zod";

// Where this process runs. `npm start` runs the production build on a laptop, so NODE_ENV cannot tell a deployment
// from a local run: a deployment says so (CAMPOTECH_DEPLOYMENT=production, or Vercel's VERCEL=1) and is then held
// to the rules in deploymentProblems.
export const deploymentEnv = z.object({
  CAMPOTECH_DEPLOYMENT: z.enum(["local", "staging", "production"]).default("local"),
  VERCEL: z.string().optional(),
});

// The values .env.example ships with. They are public (the repository is), so a deployment that kept one would let
// anyone mint an owner's token (JWT_SECRET), decrypt every stored provider credential (CREDENTIALS_KEYS) or forge
// provider webhooks. env.test.ts checks this list against .env.example, so the two cannot drift apart.
export const EXAMPLE_SECRET_VALUES: Record<string, string> = {
  JWT_SECRET: "local-dev-jwt-secret-change-me-in-production-0123456789",
  CREDENTIALS_KEYS: "local-2026:Y2FtcG90ZWNoLWxvY2FsLWRldi1rZXktMzItYnl0ZXM=",
  META_APP_SECRET: "sandbox-meta-app-secret",
  WHATSAPP_VERIFY_TOKEN: "sandbox-verify-token",
  DIALOG360_PARTNER_API_KEY: "sandbox-d360-partner-key",
  DIALOG360_WEBHOOK_SECRET: "sandbox-d360-webhook-secret",
  TWILIO_AUTH_TOKEN: "sandbox-twilio-auth-token",
  MERCADOPAGO_CLIENT_SECRET: "sandbox-mp-client-secret",
  MERCADOPAGO_WEBHOOK_SECRET: "sandbox-mp-webhook-secret",
};

// Database URLs whose password is the example's.
const EXAMPLE_DATABASE_PASSWORDS = new Set(["campotech_app", "postgres"]);

// Base URLs of the providers we call. In a deployment none may point at the local sandbox.
export const PROVIDER_URL_VARIABLES = [
  "META_GRAPH_API_URL",
  "DIALOG360_API_BASE_URL",
  "DIALOG360_PARTNER_API_URL", // issue 19 (provisioning)
  "TWILIO_API_BASE_URL",
  "EXPO_PUSH_URL",
  "OPENAI_BASE_URL",
  "WHISPER_BASE_URL",
  "ARCA_WSAA_URL_HOMOLOGACION",
  "ARCA_WSFE_URL_HOMOLOGACION",
  "ARCA_WSAA_URL_PRODUCCION",
  "ARCA_WSFE_URL_PRODUCCION",
  "MERCADOPAGO_API_URL",
  "MERCADOPAGO_AUTH_URL",
  "GEOCODER_URL",
  "ROUTING_URL",
] as const;

const SANDBOX_PORTS = new Set(["4010"]);

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "");
  return host === "localhost" || host.endsWith(".localhost") || host === "::1" || /^127\./.test(host) || host === "0.0.0.0";
}

function looksLikeSandbox(value: string): boolean {
  try {
    const url = new URL(value);
    return isLoopback(url.hostname) || SANDBOX_PORTS.has(url.port) || /(^|\.)sandbox(\.|$)/.test(url.hostname);
  } catch {
    return false;
  }
}

export function isDeployed(source: Record<string, string | undefined>): boolean {
  const deployment = source.CAMPOTECH_DEPLOYMENT ?? "local";
  return deployment !== "local" || source.VERCEL === "1";
}

// Every reason this environment must not serve real traffic, one line per offending variable.
export function deploymentProblems(source: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  for (const [name, example] of Object.entries(EXAMPLE_SECRET_VALUES)) {
    const value = source[name]?.trim();
    if (!value) continue;
    const exampleParts = example.split(",").map((p) => p.trim());
    const reused = value === example || (name === "CREDENTIALS_KEYS" && value.split(",").some((p) => exampleParts.includes(p.trim())));
    if (reused) problems.push(`${name}: is the public example value from .env.example; generate a new secret`);
  }
  for (const name of ["DATABASE_URL", "DATABASE_ADMIN_URL"]) {
    const value = source[name];
    if (!value) continue;
    try {
      const password = decodeURIComponent(new URL(value).password);
      if (EXAMPLE_DATABASE_PASSWORDS.has(password)) problems.push(`${name}: uses the example password from .env.example`);
    } catch {
      // An unparsable URL is reported by the schema itself.
    }
  }
  for (const name of PROVIDER_URL_VARIABLES) {
    const value = source[name];
    if (value && looksLikeSandbox(value)) problems.push(`${name}: points at the local sandbox (${value}); use the provider's real URL`);
  }
  if (source.SMTP_HOST && isLoopback(source.SMTP_HOST) && (source.SMTP_PORT ?? "4025") === "4025") {
    problems.push("SMTP_HOST: points at the sandbox's mail catcher (127.0.0.1:4025); use a real SMTP server");
  }
  const base = source.PUBLIC_BASE_URL;
  if (!base) problems.push("PUBLIC_BASE_URL: is required in a deployment (the https address customers and providers reach)");
  else if (!base.startsWith("https://") || looksLikeSandbox(base)) problems.push(`PUBLIC_BASE_URL: must be a public https:// address (is ${base})`);
  return problems;
}
