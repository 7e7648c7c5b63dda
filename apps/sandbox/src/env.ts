import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { z } from "zod";

// The only sandbox file that reads process.env. Defaults mirror .env.example so `pnpm start` works on a fresh clone
// and tests never fail on a missing variable.
const schema = z.object({
  NODE_ENV: z.string().default("development"),
  SANDBOX_PORT: z.coerce.number().int().min(0).max(65535).default(4010),
  SANDBOX_HOST: z.string().min(1).default("127.0.0.1"),
  // The SMTP catcher for staff email (GET /_sandbox/emails).
  SANDBOX_SMTP_PORT: z.coerce.number().int().min(0).max(65535).default(4025),
  // Where the sandbox itself is reachable (used in media URLs it hands out). Defaults to the listening address.
  SANDBOX_PUBLIC_URL: z.url().optional(),
  META_APP_SECRET: z.string().min(1).default("sandbox-meta-app-secret"),
  META_GRAPH_API_VERSION: z.string().regex(/^v\d+\.\d+$/, "must look like v24.0").default("v24.0"),
  DIALOG360_WEBHOOK_SECRET: z.string().min(1).default("sandbox-d360-webhook-secret"),
  DIALOG360_PARTNER_ID: z.string().min(1).default("sandbox-partner"),
  DIALOG360_PARTNER_API_KEY: z.string().min(1).default("sandbox-d360-partner-key"),
  TWILIO_ACCOUNT_SID: z.string().regex(/^AC\w+$/, "must start with AC").default("ACsandbox00000000000000000000000000"),
  TWILIO_AUTH_TOKEN: z.string().min(1).default("sandbox-twilio-auth-token"),
  PUBLIC_BASE_URL: z.url().default("http://localhost:3000"),
});

export type SandboxEnv = z.infer<typeof schema>;

// Loads the repository's .env (walking up from the working directory) without overriding variables already set.
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

let cached: SandboxEnv | undefined;

export function getEnv(): SandboxEnv {
  if (cached) return cached;
  loadDotEnv();
  // Empty strings in .env mean "unset" so the defaults apply.
  const source = Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== ""));
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid sandbox environment (see .env.example):\n${lines.join("\n")}`);
  }
  cached = result.data;
  return cached;
}
