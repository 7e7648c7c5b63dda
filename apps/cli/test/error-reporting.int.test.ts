import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { APP_VERSION } from "../../../src/lib/version";
import { sentryEvents, startFakeCollector } from "../../../src/lib/observability/fake-collector.fixture";
// Every CLI call here is a fresh process that loads the core through tsx (5–15 s each on a loaded 2-vCPU box): a
// deadline that fits several calls per test, not a timing assertion.
vi.setConfig({ testTimeout: 240_000, hookTimeout: 240_000 });

// A failed command is reported to Sentry only when SENTRY_DSN is set; the DSN here is a local fake ingest.
const bin = new URL("../bin/campotech.sh", import.meta.url).pathname;
const probe = new URL("./sentry-probe.fixture.mjs", import.meta.url).pathname;
const failing = ["org", "create", "--name", "Gas Sur", "--cuit", "20-26756539-3", "--tier", "INICIAL", "--owner-phone", "0800 333 4444"];

let collector: Awaited<ReturnType<typeof startFakeCollector>>;
beforeAll(async () => {
  collector = await startFakeCollector();
});
afterAll(() => collector.close());

// Asynchronous: the fake ingest runs in this process and must answer while the CLI flushes.
function cli(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(bin, failing, { env: { ...process.env, NODE_OPTIONS: `--import ${probe}`, ...env } });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stderr })));
}

describe("CLI error reporting", () => {
  it("never loads Sentry without a DSN", async () => {
    const run = await cli({ SENTRY_DSN: "" });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/celular argentino/);
    expect(run.stderr).toMatch(/SENTRY_LOADED=false/);
    expect(collector.received).toEqual([]);
  });

  it("reports a failed command with its name and the release, without the phone it was given", async () => {
    const run = await cli({ SENTRY_DSN: `http://publickey@127.0.0.1:${collector.port}/1` });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/SENTRY_LOADED=true/);
    const [event] = sentryEvents(collector.received);
    expect(event).toMatchObject({ release: `campotech@${APP_VERSION}`, tags: { command: "org create", service: "cli" } });
    expect(collector.received.map((r) => r.body).join("\n")).not.toMatch(/0800 333 4444|08003334444/);
  });
});
