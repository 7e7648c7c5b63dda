import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { z } from "zod";
import { authEnv } from "./env/auth";
import { coreEnv } from "./env/core";
import { cryptoEnv } from "./env/crypto";
import { dbEnv } from "./env/db";
import { inboundEnv, mediaEnv } from "./env/inbound";
import { notificationsEnv } from "./env/notifications";
import { openaiEnv } from "./env/openai";
import { dialog360Env, metaEnv, observabilityEnv, sandboxEnv, twilioEnv } from "./env/providers";
import { redisEnv } from "./env/redis";
import { webEnv } from "./env/web";
import { workersEnv } from "./env/workers";

// The only module that reads process.env. Parsed once, when the process first imports it.
const schema = z.object({
  ...coreEnv.shape,
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
});

export type Env = z.infer<typeof schema>;

export class EnvError extends Error {
  override name = "EnvError";
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
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = issue.path.join(".");
    const missing = source[name] === undefined || source[name] === "";
    return `  ${name}: ${missing ? "is required but not set" : issue.message}`;
  });
  throw new EnvError(`Invalid environment (see .env.example):\n${lines.join("\n")}`);
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
