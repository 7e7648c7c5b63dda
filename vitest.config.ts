import { defineConfig } from "vitest/config";

// Two projects: "unit" (pure logic, no I/O) and "integration" (real Postgres, Redis and sandbox HTTP servers).
// Integration tests run against the campotech_test database, migrated by the global setup exactly like production.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["src/**/*.test.ts", "apps/**/*.test.ts", "database/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "**/node_modules/**", "apps/web/e2e/**"],
          env: { CAMPOTECH_TEST: "1" },
          setupFiles: ["./vitest.env.ts"],
          // Some unit tests load the assistant's learned model (a 1.9 MB weight file) or score hundreds of messages;
          // on two busy cores that can pass vitest's 5 s default. A harness limit, not a speed bar (bench/ has those).
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: "integration",
          include: ["src/**/*.int.test.ts", "apps/**/*.int.test.ts", "database/**/*.int.test.ts", "bench/**/*.int.test.ts"],
          exclude: ["**/node_modules/**"],
          setupFiles: ["./vitest.env.ts"],
          globalSetup: ["./vitest.global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Files share one database and one Redis; running them one after another keeps them independent.
          fileParallelism: false,
        },
      },
    ],
  },
});
