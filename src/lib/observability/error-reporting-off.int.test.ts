import type { Job } from "bullmq";
import { describe, expect, it } from "vitest";
import { processJob } from "../../workers/process-job";
import { env } from "../env";
import { flushErrorReporting, initErrorReporting, reportError, setErrorContext } from "./error-reporting";

// Without SENTRY_DSN no Sentry code runs: the SDK is never imported, so its global carrier never appears.
describe("error reporting without a DSN", () => {
  it("loads nothing on start, on a failing job, on a report or on flush", async () => {
    expect(env.SENTRY_DSN).toBeUndefined();
    expect(await initErrorReporting({ service: "workers" })).toBe(false);
    await expect(processJob({ name: "nope.nothing", id: "1", data: { organizationId: "org_1" }, attemptsMade: 0, opts: {} } as unknown as Job)).rejects.toThrow(/unknown job/);
    reportError(new Error("boom"), { organizationId: "org_1" });
    setErrorContext({ requestId: "req-1" });
    await flushErrorReporting();
    expect((globalThis as Record<string, unknown>).__SENTRY__).toBeUndefined();
  });
});
