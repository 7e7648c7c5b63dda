#!/usr/bin/env node
// Builds the web export into apps/mobile/dist (what Playwright and `npm start` serve). EXPO_NO_TELEMETRY keeps the
// CLI off the network; CI=1 keeps it non-interactive.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const cwd = fileURLToPath(new URL("..", import.meta.url));
const result = spawnSync("npx", ["expo", "export", "--platform", "web", "--output-dir", "dist"], {
  cwd,
  stdio: "inherit",
  env: { ...process.env, CI: "1", EXPO_NO_TELEMETRY: "1" },
});
process.exit(result.status ?? 1);
