import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { BrowserContext } from "@playwright/test";
import { CLI_ENV, PORTS } from "../playwright.config";

// Signs a browser context in as a demo user without going through the code by WhatsApp (login.spec.ts covers
// that): an access token from the operator CLI, set as the dashboard's httpOnly cookie.
const root = fileURLToPath(new URL("../../../", import.meta.url));

export function tokenFor(user = "demo-user-owner"): string {
  const result = spawnSync("pnpm", ["-s", "campotech", "token", "--user", user, "--ttl", "3600", "--json"], { cwd: root, env: CLI_ENV, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`campotech token failed:\n${result.stdout}\n${result.stderr}`);
  return (JSON.parse(result.stdout) as { token: string }).token;
}

export async function signIn(context: BrowserContext, user = "demo-user-owner"): Promise<string> {
  const token = tokenFor(user);
  await context.addCookies([{ name: "ct_access", value: token, domain: "127.0.0.1", path: "/", httpOnly: true, sameSite: "Lax", expires: Math.floor(Date.now() / 1000) + 3600 }]);
  return token;
}

export const WEB = `http://127.0.0.1:${PORTS.web}`;
export const SANDBOX = `http://127.0.0.1:${PORTS.sandbox}`;

type SandboxSend = { receivedAt: string; body: { to?: string; template?: { name: string; components?: { parameters?: { text?: string }[] }[] } } };

// The login code the sandbox's Meta API received for this WhatsApp id since `since` (what the staff phone shows).
export async function loginCodeSentTo(waId: string, since: string): Promise<string> {
  const requests = (await (await fetch(`${SANDBOX}/_sandbox/requests?provider=meta&path=/messages`)).json()) as SandboxSend[];
  const otp = requests.filter((r) => r.receivedAt >= since && r.body.to === waId && r.body.template?.name === "otp_code").at(-1);
  return otp?.body.template?.components?.[0]?.parameters?.[0]?.text ?? "";
}
