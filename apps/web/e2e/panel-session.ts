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
