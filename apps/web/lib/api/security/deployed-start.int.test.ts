import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { parseEnv as parseDotEnv } from "node:util";
import { describe, expect, it } from "vitest";
import { repositoryRoot } from "@campotech/core/lib/env";

// .env.example is public. A deployment that keeps its JWT_SECRET lets anyone mint an owner's token; one that keeps
// its CREDENTIALS_KEYS lets anyone decrypt every provider credential. Both processes — web and workers — must
// refuse to start like that, naming every offending variable, before they listen or touch a queue.
const root = repositoryRoot();
const example = parseDotEnv(readFileSync(`${root}/.env.example`, "utf8"));
const deployedWithExample = { PATH: process.env.PATH, HOME: process.env.HOME, ...example, CAMPOTECH_DEPLOYMENT: "production", CAMPOTECH_SKIP_DOTENV: "1" };
const EXPECTED = ["JWT_SECRET", "CREDENTIALS_KEYS", "META_APP_SECRET", "TWILIO_AUTH_TOKEN", "DATABASE_URL", "META_GRAPH_API_URL", "DIALOG360_API_BASE_URL", "DIALOG360_PARTNER_API_URL", "TWILIO_API_BASE_URL", "EXPO_PUSH_URL", "PUBLIC_BASE_URL"];

function start(cwd: string, entry: string, env: Record<string, string | undefined>) {
  return spawnSync("node", ["--import", "tsx", entry], { cwd, env: env as NodeJS.ProcessEnv, encoding: "utf8", timeout: 60_000 });
}

describe("a deployment started with the example environment", () => {
  it.each([
    ["the web server", `${root}/apps/web`, "server.ts"],
    ["the workers", `${root}/apps/workers`, "src/main.ts"],
  ])("%s refuses to start and names each offending variable", (_, cwd, entry) => {
    const result = start(cwd, entry, deployedWithExample);
    expect(result.status, result.stdout).toBe(1);
    expect(result.stderr).toMatch(/Refusing to start a deployment \(CAMPOTECH_DEPLOYMENT=production\)/);
    for (const name of EXPECTED) expect(result.stderr).toMatch(new RegExp(`^  ${name}: `, "m"));
    // It says what is wrong, never the secret itself.
    expect(result.stderr).not.toContain(example.JWT_SECRET!);
    expect(result.stderr).not.toContain(example.CREDENTIALS_KEYS!.split(":")[1]!);
  });

  it("Vercel counts as a deployment even without the setting", () => {
    const result = start(`${root}/apps/workers`, "src/main.ts", { ...deployedWithExample, CAMPOTECH_DEPLOYMENT: "local", VERCEL: "1" });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/VERCEL=1/);
  });
});
