import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { CLI_ENV } from "../playwright.config";

// The webhook routes resolve 360dialog and Twilio numbers through the database: migrate the test database the way
// production does and load the demo organization (idempotent), through the operator CLI.
const root = fileURLToPath(new URL("../../../", import.meta.url));

export default function globalSetup(): void {
  for (const args of [["db", "migrate"], ["db", "seed"]]) {
    const result = spawnSync("pnpm", ["-s", "campotech", ...args], { cwd: root, env: CLI_ENV, encoding: "utf8" });
    if (result.status !== 0) throw new Error(`campotech ${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
  }
}
