import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import { resetDatabase } from "../../../database/testing/reset";
import { CLI_ENV, TEST_REDIS_URL } from "../playwright.config";

// The webhook routes resolve 360dialog and Twilio numbers through the database: migrate the test database the way
// production does, empty it (vitest's integration files share it and may leave rows behind, e.g. another
// organization with the demo CUIT) and load the demo organization, through the operator CLI.
const root = fileURLToPath(new URL("../../../", import.meta.url));

export default async function globalSetup(): Promise<void> {
  for (const args of [["db", "migrate"], ["db", "seed"]]) {
    if (args[1] === "seed") await resetDatabase(CLI_ENV.DATABASE_ADMIN_URL as string);
    const result = spawnSync("pnpm", ["-s", "campotech", ...args], { cwd: root, env: CLI_ENV, encoding: "utf8" });
    if (result.status !== 0) throw new Error(`campotech ${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
  }
  // Cached session states and login limits describe the database that was just replaced (a previous run's logout
  // bumped a user's session version); the queues are left alone, the workers may already be running.
  const redis = new Redis(TEST_REDIS_URL);
  // issue 19 (signup): signup codes and their per-IP limit too (every run signs up from 127.0.0.1).
  for (const pattern of ["auth:session:*", "auth:limit:*", "auth:otp:*", "signup:*"]) {
    const keys = await redis.keys(pattern);
    if (keys.length) await redis.del(...keys);
  }
  await redis.quit();
}
