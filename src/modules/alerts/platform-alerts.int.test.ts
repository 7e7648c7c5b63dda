import { describe, expect, it } from "vitest";
import { adminDb } from "../../lib/db";
import { findJob } from "../../workers/catalog";
import { getQueue } from "../../workers/queue-registry";
import { ORG_A } from "../messaging/outbound-test-kit";
import { flushWebhookAcks, recordWebhookAck } from "../observability/record-webhook-ack";
import { ba, expectAlertLifecycle, MINUTE, noticeCounts, OPS_EMAIL, OWNER_EMAIL, useAlertsSandbox } from "./alerts-test-kit";
import { evaluateAlerts } from "./evaluate-alerts";

const T0 = ba("2026-11-23T11:00:00");

const { sandbox } = useAlertsSandbox();

async function acks(count: number, durationMs: number, at: Date) {
  for (let i = 0; i < count; i++) recordWebhookAck({ provider: "meta", result: "accepted", durationMs, at });
  await flushWebhookAcks();
}

describe("platform alerts", () => {
  it("webhook acks with a p95 over 5 s in the last 15 minutes tell the operators, not the businesses", async () => {
    const { alert } = await expectAlertLifecycle(sandbox(), "webhook_latency", {
      t0: T0,
      // 18 of 20 acks took 6 s: the p95 is 6 s.
      fire: async () => {
        await acks(18, 6_000, new Date(T0.getTime() - 5 * MINUTE));
        await acks(2, 3, new Date(T0.getTime() - 5 * MINUTE));
      },
      // 400 fast acks later the same window's p95 is 3 ms; a new slow burst fires again.
      clear: async () => (await acks(400, 3, new Date(T0.getTime() + 4 * MINUTE)), new Date(T0.getTime() + 5 * MINUTE)),
      refire: async () => (await acks(20, 7_000, new Date(T0.getTime() + 40 * MINUTE)), new Date(T0.getTime() + 41 * MINUTE)),
      recipients: [OPS_EMAIL],
    });
    expect(alert).toMatchObject({ scope: "PLATFORM", organizationId: null, value: 6_000, threshold: 5_000, dedupeKey: "webhook_latency:platform:all" });
    expect(await noticeCounts(sandbox(), OWNER_EMAIL)).toEqual([0, 0]);
  });

  it("a queue whose oldest waiting job waits over 5 minutes, or with more than 100 waiting, fires per queue", async () => {
    const queue = getQueue("tracking");
    const { alert, refired } = await expectAlertLifecycle(sandbox(), "queue_backlog", {
      t0: T0,
      fire: () => queue.add("tracking.store-positions", {}, { timestamp: T0.getTime() - 10 * MINUTE }),
      // Workers drain the queue; later a burst of 101 fresh jobs piles up.
      clear: async () => (await queue.drain(), new Date(T0.getTime() + 3 * MINUTE)),
      refire: async () => {
        const at = T0.getTime() + 30 * MINUTE;
        await queue.addBulk(Array.from({ length: 101 }, (_, i) => ({ name: "tracking.store-positions", data: { i }, opts: { timestamp: at } })));
        return new Date(at + MINUTE);
      },
      recipients: [OPS_EMAIL],
    });
    expect(alert).toMatchObject({ scope: "PLATFORM", dedupeKey: "queue_backlog:platform:tracking", value: 600, threshold: 300 });
    expect(refired).toMatchObject({ value: 101, threshold: 100 });
    await queue.obliterate({ force: true });
  });

  it("a rule that fails leaves its open alerts alone, and an alert fires and resolves with no one to tell", async () => {
    let state: "firing" | "failing" | "clear" = "firing";
    const rule = {
      kind: "inbound_dead_letters",
      notify: ["platform"] as const,
      evaluate: async () => {
        if (state === "failing") throw new Error("redis caído");
        const value = state === "firing" ? 3 : 0;
        return [{ kind: "inbound_dead_letters", scope: "PLATFORM" as const, organizationId: null, subject: "all", value, threshold: 0, firing: value > 0, title: "Webhooks sin procesar", detail: `${value} en la cola de descarte.` }];
      },
    };
    const run = (now: Date) => evaluateAlerts({ now, rules: [rule], platformEmails: [], platformOrganizationId: null });
    const first = await run(T0);
    expect(first.notices).toEqual([expect.objectContaining({ channel: "none", status: "skipped" })]);
    state = "failing";
    const broken = await run(new Date(T0.getTime() + MINUTE));
    expect(broken.failedRules).toEqual([{ kind: "inbound_dead_letters", error: "redis caído" }]);
    expect(broken.resolved).toEqual([]);
    expect(await adminDb().alert.findFirstOrThrow({ where: { kind: "inbound_dead_letters" } })).toMatchObject({ status: "OPEN", lastSeenAt: T0 });
    state = "clear";
    const cleared = await run(new Date(T0.getTime() + 2 * MINUTE));
    expect(cleared.resolved).toHaveLength(1);
    expect(cleared.notices).toEqual([expect.objectContaining({ event: "resolved", channel: "none", status: "skipped" })]);
  });

  it("the alerts.evaluate job runs every rule at its payload's instant", async () => {
    await adminDb().waTemplate.create({ data: { organizationId: ORG_A, name: "promo", category: "MARKETING", status: "REJECTED", components: [] } });
    const job = findJob("alerts.evaluate")!;
    const logger = { warn: () => undefined } as never;
    const summary = await job.handler(job.schema.parse({ now: T0.toISOString() }), { jobId: "1", attempt: 1, logger });
    expect(summary).toMatchObject({ fired: [expect.stringMatching(new RegExp(`^template_rejected:${ORG_A}:`))], resolved: [], failedRules: [] });
    expect(await adminDb().alert.findFirstOrThrow({ where: { kind: "template_rejected" } })).toMatchObject({ firstFiredAt: T0, notifiedAt: T0 });
  });

  it("reaches the operators' own organization's owners on WhatsApp when one is configured", async () => {
    const rule = {
      kind: "webhook_latency",
      notify: ["platform"] as const,
      evaluate: async () => [{ kind: "webhook_latency", scope: "PLATFORM" as const, organizationId: null, subject: "all", value: 9_000, threshold: 5_000, firing: true, title: "Webhooks lentos", detail: "p95 9 s." }],
    };
    const result = await evaluateAlerts({ now: T0, rules: [rule], platformEmails: [], platformOrganizationId: ORG_A });
    expect(result.notices).toEqual([expect.objectContaining({ audience: "platform", channel: "whatsapp", to: "u-duena", status: "sent" })]);
    const recipient = await adminDb().customer.findFirstOrThrow({ where: { staffUserId: "u-duena" } });
    const [message] = await adminDb().whatsAppMessage.findMany({ where: { conversation: { customerId: recipient.id } } });
    expect((message!.content as { preview: string }).preview).toBe("CampoTech · Alerta: Webhooks lentos: p95 9 s.");
  });
});
