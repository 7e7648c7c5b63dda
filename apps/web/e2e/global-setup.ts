import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

// The webhook routes resolve 360dialog and Twilio numbers through the database: migrate the test database the way
// production does and load the demo organization (idempotent), through the operator CLI.
const root = fileURLToPath(new URL("../../../", import.meta.url));
const testDb = process.env.CAMPOTECH_TEST_DB ?? "campotech_test";

export default function globalSetup(): void {
  const env = {
    ...process.env,
    NODE_ENV: "test",
    LOG_LEVEL: "warn",
    DATABASE_URL: `postgresql://campotech_app:campotech_app@127.0.0.1:5432/${testDb}`,
    DATABASE_ADMIN_URL: `postgresql://postgres:postgres@127.0.0.1:5432/${testDb}`,
  };
  for (const args of [["db", "migrate"], ["db", "seed"]]) {
    const result = spawnSync("pnpm", ["-s", "campotech", ...args], { cwd: root, env, encoding: "utf8" });
    if (result.status !== 0) throw new Error(`campotech ${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
  }
}
