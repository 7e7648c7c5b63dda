import type { Job } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { processJob } from "../../workers/process-job";
import { APP_VERSION } from "../version";
import { flushErrorReporting, initErrorReporting, reportError } from "./error-reporting";
import { sentryEvents, startFakeCollector } from "./fake-collector.fixture";

// The real @sentry/node SDK against a local ingest: what leaves the process is exactly what Sentry would store.
const PHONE = "+5491155550203";
const TOKEN = "APP_USR-4412873649931243-120312-5d4b0c7e6f1a2b3c4d5e6f7a8b9c0d1e-123456789";
const JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c3JfMSJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ";
// Built at run time: the SDK sends source lines around each frame, and this file's own source must not look like a leak.
const WORD = ["termo", "tanque"].join("");
const BODY = `Hola, se me rompió el ${WORD}`;

let collector: Awaited<ReturnType<typeof startFakeCollector>>;

beforeAll(async () => {
  collector = await startFakeCollector();
  expect((globalThis as Record<string, unknown>).__SENTRY__).toBeUndefined();
  expect(await initErrorReporting({ service: "workers", dsn: `http://publickey@127.0.0.1:${collector.port}/1` })).toBe(true);
});
afterAll(() => collector.close());

function leaks(body: string): string[] {
  return [PHONE, "5491155550203", "5555-0203", TOKEN, JWT, BODY, WORD].filter((secret) => body.includes(secret));
}

describe("error reporting with a DSN", () => {
  it("sends a captured error with its organization, job and release, and no phone, token or message body", async () => {
    const error = new Error(`MercadoPago rechazó ${TOKEN} al cobrarle a ${PHONE}`);
    reportError(error, { organizationId: "org_sentry_1", jobId: "job-77", jobName: "payments.refresh" }, { message: { from: PHONE, text: { body: BODY } }, authorization: `Bearer ${JWT}` });
    await flushErrorReporting();
    const [event] = sentryEvents(collector.received);
    expect(event).toMatchObject({
      release: `campotech@${APP_VERSION}`,
      tags: { organizationId: "org_sentry_1", jobId: "job-77", jobName: "payments.refresh", service: "workers" },
      exception: { values: [{ type: "Error", value: "MercadoPago rechazó [mercadopago-token] al cobrarle a [phone]" }] },
    });
    expect(leaks(collector.received.map((r) => r.body).join("\n"))).toEqual([]);
  });

  it("reports a job that fails for good from the worker's processor, tagged with the job and its organization", async () => {
    collector.received.length = 0;
    const job = { name: "whatsapp.nothing-like-this", id: "wamid.HBgN-1", data: { organizationId: "org_sentry_2", to: PHONE, text: BODY, accessToken: TOKEN }, attemptsMade: 0, opts: { attempts: 3 } };
    await expect(processJob(job as unknown as Job)).rejects.toThrow(/unknown job/);
    await flushErrorReporting();
    const [event] = sentryEvents(collector.received);
    expect(event).toMatchObject({
      release: `campotech@${APP_VERSION}`,
      tags: { organizationId: "org_sentry_2", jobId: "wamid.HBgN-1", jobName: "whatsapp.nothing-like-this" },
      contexts: { details: { payload: { organizationId: "org_sentry_2", to: "[REDACTED]", text: "[REDACTED]", accessToken: "[REDACTED]" }, attempts: 1 } },
    });
    expect(leaks(collector.received.map((r) => r.body).join("\n"))).toEqual([]);
  });
});
