import { existsSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { z } from "zod";
import { alertsEnv } from "./env/alerts"; // issue 20 (alerts)
import { arcaEnv } from "./env/arca";
import { authEnv } from "./env/auth";
import { coreEnv } from "./env/core";
import { cryptoEnv } from "./env/crypto";
import { dbEnv } from "./env/db";
import { deploymentEnv, deploymentProblems, isDeployed, PROVIDER_URL_VARIABLES } from "./env/deployment";
import { inboundEnv, mediaEnv } from "./env/inbound";
import { ingestEnv } from "./env/ingest"; // issue 22 (ingest)
import { mercadoPagoEnv } from "./env/mercadopago";
import { metricsEnv } from "./env/metrics"; // issue 20 (metrics)
import { notificationsEnv } from "./env/notifications";
import { openaiEnv } from "./env/openai";
import { dialog360Env, metaEnv, observabilityEnv, sandboxEnv, twilioEnv } from "./env/providers";
import { redisEnv } from "./env/redis";
import { trackingEnv } from "./env/tracking";
import { webEnv } from "./env/web";
import { workersEnv } from "./env/workers";

// The only module that reads process.env. Parsed once, when the process first imports it.
const schema = z.object({
  ...coreEnv.shape,
  ...deploymentEnv.shape,
  ...dbEnv.shape,
  ...redisEnv.shape,
  ...cryptoEnv.shape,
  ...authEnv.shape,
  ...webEnv.shape,
  ...workersEnv.shape,
  ...metaEnv.shape,
  ...dialog360Env.shape,
  ...twilioEnv.shape,
  ...sandboxEnv.shape,
  ...openaiEnv.shape,
  ...observabilityEnv.shape,
  ...inboundEnv.shape,
  ...mediaEnv.shape,
  ...notificationsEnv.shape,
  ...arcaEnv.shape,
  ...mercadoPagoEnv.shape,
  ...trackingEnv.shape,
  ...metricsEnv.shape, // issue 20 (metrics)
  ...alertsEnv.shape, // issue 20 (alerts)
  ...ingestEnv.shape, // issue 22 (ingest)
});

export type Env = z.infer<typeof schema>;

export class EnvError extends Error {
  override name = "EnvError";
}

// The repository root: the nearest directory up from the working directory that holds pnpm-workspace.yaml (every
// process — web, workers, CLI, tests — runs inside the repository), else the working directory itself.
export function repositoryRoot(cwd: string = process.cwd()): string {
  let dir = resolve(cwd);
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, "pnpm-workspace.yaml"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return resolve(cwd);
}

// Loads the repository's .env (found by walking up from the working directory) without overriding
// variables already set, so CI and tests can point at other databases.
function loadDotEnv(): void {
  let dir = process.cwd();
  for (let i = 0; i < 6; i++) {
    const file = join(dir, ".env");
    if (existsSync(file)) {
      process.loadEnvFile(file);
      return;
    }
    if (existsSync(join(dir, "pnpm-workspace.yaml"))) return;
    dir = dirname(dir);
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const name = issue.path.join(".");
      const missing = source[name] === undefined || source[name] === "";
      return `  ${name}: ${missing ? "is required but not set" : issue.message}`;
    });
    throw new EnvError(`Invalid environment (see .env.example):\n${lines.join("\n")}`);
  }
  // One absolute media folder for every process: the worker stores files where the web server looks for them.
  if (!isAbsolute(result.data.MEDIA_STORAGE_DIR)) result.data.MEDIA_STORAGE_DIR = join(repositoryRoot(), result.data.MEDIA_STORAGE_DIR);
  if (isDeployed(source)) {
    // Defaults count too: a provider URL left unset falls back to the sandbox.
    const effective: Record<string, string | undefined> = {
      ...source,
      SMTP_HOST: result.data.SMTP_HOST,
      SMTP_PORT: String(result.data.SMTP_PORT),
      // Secrets with a local default: left unset, the default (public) value is what would be used.
      MERCADOPAGO_CLIENT_SECRET: result.data.MERCADOPAGO_CLIENT_SECRET,
      MERCADOPAGO_WEBHOOK_SECRET: result.data.MERCADOPAGO_WEBHOOK_SECRET,
    };
    for (const name of PROVIDER_URL_VARIABLES) effective[name] = result.data[name];
    const problems = deploymentProblems(effective);
    if (problems.length) {
      throw new EnvError(`Refusing to start a deployment (CAMPOTECH_DEPLOYMENT=${result.data.CAMPOTECH_DEPLOYMENT}${source.VERCEL === "1" ? ", VERCEL=1" : ""}) with an unsafe environment:\n${problems.map((p) => `  ${p}`).join("\n")}`);
    }
  }
  return result.data;
}

if (process.env.CAMPOTECH_SKIP_DOTENV !== "1") loadDotEnv();

// A process that starts with a bad environment stops here with one readable message (no stack trace);
// under vitest the error is thrown instead so tests can assert on it.
function loadEnvOrExit(): Env {
  try {
    return parseEnv(process.env);
  } catch (error) {
    if (error instanceof EnvError && process.env.VITEST === undefined) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

export const env: Env = loadEnvOrExit();
