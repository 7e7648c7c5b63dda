import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startFakeCollector } from "../../lib/observability/fake-collector.fixture";

// posthog-node against a local capture endpoint. The env is parsed when a process starts, so each case loads the
// module afresh with the variables it needs.
let collector: Awaited<ReturnType<typeof startFakeCollector>>;
beforeAll(async () => {
  collector = await startFakeCollector();
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await collector.close();
});

async function loadWith(vars: Record<string, string>) {
  for (const [name, value] of Object.entries(vars)) vi.stubEnv(name, value);
  vi.resetModules();
  return import("./index");
}

function capturedEvents() {
  return collector.received.flatMap((r) => (JSON.parse(r.body) as { batch?: Record<string, unknown>[] }).batch ?? []);
}

describe("captureProductEvent", () => {
  it("sends nothing and loads nothing without POSTHOG_KEY", async () => {
    const posthog = await loadWith({ POSTHOG_KEY: "", POSTHOG_HOST: `http://127.0.0.1:${collector.port}` });
    posthog.captureProductEvent({ event: "job_booked", organizationId: "org_1", properties: { jobId: "job_1" } });
    await posthog.flushProductEvents();
    expect(collector.received).toEqual([]);
  });

  it("sends the event with the user (or the organization) as distinct_id, ids and amounts only", async () => {
    const posthog = await loadWith({ POSTHOG_KEY: "phc_test_key", POSTHOG_HOST: `http://127.0.0.1:${collector.port}` });
    posthog.captureProductEvent({ event: "payment_approved", organizationId: "org_1", properties: { paymentId: "pay_1", amountCents: 1_250_000 } });
    posthog.captureProductEvent({ event: "job_booked", organizationId: "org_1", userId: "usr_7", properties: { jobId: "job_1", customerId: "+5491155550203" } });
    await vi.waitFor(async () => {
      await posthog.flushProductEvents();
      expect(capturedEvents()).toHaveLength(2);
    });
    const [payment, job] = capturedEvents();
    expect(collector.received[0]?.path).toMatch(/^\/batch\/?/);
    expect(payment).toMatchObject({ event: "payment_approved", distinct_id: "org_1", properties: { organizationId: "org_1", paymentId: "pay_1", amountCents: 1_250_000, $groups: { organization: "org_1" } } });
    expect(job).toMatchObject({ event: "job_booked", distinct_id: "usr_7", properties: { jobId: "job_1", customerId: "[phone]" } });
    expect(collector.received.map((r) => r.body).join("\n")).not.toMatch(/5491155550203|55550203/);
  });
});
