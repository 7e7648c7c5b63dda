import { describe, expect, it } from "vitest";
import { adminDb, withTenant } from "../../lib/db";
import { ORG_A, ORG_B } from "../messaging/outbound-test-kit";
import { ba, evaluator, expectAlertLifecycle, MINUTE, noticeCounts, OPS_EMAIL, OWNER_EMAIL, useAlertsSandbox } from "./alerts-test-kit";
import { listOpenAlerts } from "./list-alerts";

const T0 = ba("2026-11-23T11:00:00");
const HOUR = 60 * MINUTE;
let seq = 0;

const { sandbox } = useAlertsSandbox();

async function outbound(organizationId: string, status: "DELIVERED" | "READ" | "FAILED" | "QUEUED", count: number, at: Date) {
  await adminDb().whatsAppMessage.createMany({
    data: Array.from({ length: count }, () => ({
      id: `m-${++seq}`, organizationId, conversationId: `${organizationId}-conv0`, direction: "OUTBOUND" as const, type: "TEXT" as const,
      content: { text: { body: "hola" } }, status, createdAt: at,
    })),
  });
}

async function runs(outcome: string, count: number, at: Date) {
  await adminDb().assistantRun.createMany({
    data: Array.from({ length: count }, () => ({ organizationId: ORG_A, conversationId: `${ORG_A}-conv0`, turnId: `turn-${++seq}`, engine: "OFFLINE" as const, intent: "other", outcome, latencyMs: 5, createdAt: at })),
  });
}

describe("business alerts", () => {
  it("delivery success under 95 % of the last 24 hours (at least 20 settled messages) tells the owner and the operators", async () => {
    // 18 of 20 delivered (90 %); queued ones, older ones and a small organization are not counted.
    await outbound(ORG_A, "QUEUED", 30, new Date(T0.getTime() - HOUR));
    await outbound(ORG_A, "FAILED", 10, new Date(T0.getTime() - 25 * HOUR));
    await outbound(ORG_B, "FAILED", 3, new Date(T0.getTime() - HOUR));
    const { alert } = await expectAlertLifecycle(sandbox(), "delivery_success", {
      t0: T0,
      fire: async () => {
        await outbound(ORG_A, "DELIVERED", 12, new Date(T0.getTime() - HOUR));
        await outbound(ORG_A, "READ", 6, new Date(T0.getTime() - HOUR));
        await outbound(ORG_A, "FAILED", 2, new Date(T0.getTime() - HOUR));
      },
      // 48 of 50 (96 %) clears; then 10 more failures (48 of 60, 80 %) fire again.
      clear: async () => (await outbound(ORG_A, "DELIVERED", 30, T0), new Date(T0.getTime() + 10 * MINUTE)),
      refire: async () => (await outbound(ORG_A, "FAILED", 10, T0), new Date(T0.getTime() + 20 * MINUTE)),
      recipients: [OWNER_EMAIL, OPS_EMAIL],
    });
    expect(alert).toMatchObject({ organizationId: ORG_A, scope: "ORGANIZATION", value: 90, threshold: 95, dedupeKey: `delivery_success:${ORG_A}:whatsapp` });
    expect(alert.detail).toContain("el 90 % de 20 mensajes");
    expect(await adminDb().alert.count({ where: { organizationId: ORG_B } })).toBe(0);
  });

  it("the assistant answering under 90 % of the turns it took in 24 hours, for organizations with it on", async () => {
    const settings = { assistant: { autoResponseEnabled: true } };
    await adminDb().organization.update({ where: { id: ORG_A }, data: { settings } });
    const before = new Date(T0.getTime() - HOUR);
    // Skipped turns and runs still inside the 5-minute grace are not counted.
    await runs("skipped:plan_required:aiAutoResponses", 10, before);
    await runs("running", 5, new Date(T0.getTime() - MINUTE));
    const { alert } = await expectAlertLifecycle(sandbox(), "ai_response_rate", {
      t0: T0,
      fire: async () => {
        await runs("replied", 7, before);
        await runs("silent", 1, before);
        await runs("reply_refused:PANIC_MODE", 2, before);
      },
      // 28 of 30 (93 %) clears — the in-flight runs are still within their grace; 5 stuck ones (28 of 35) fire again.
      clear: async () => (await runs("replied", 20, before), new Date(T0.getTime() + 2 * MINUTE)),
      refire: async () => new Date(T0.getTime() + 10 * MINUTE),
      recipients: [OWNER_EMAIL, OPS_EMAIL],
    });
    expect(alert).toMatchObject({ value: 80, threshold: 90, dedupeKey: `ai_response_rate:${ORG_A}:assistant` });
    // The same runs in an organization with the assistant off say nothing.
    await adminDb().organization.update({ where: { id: ORG_A }, data: { settings: {} } });
    const off = await evaluator(sandbox(), "ai_response_rate")(new Date(T0.getTime() + 11 * MINUTE));
    expect(off.readings).toEqual([]);
  });

  it("usage at 80 % of the month's messages fires once that month and resolves when the month turns", async () => {
    const account = { id: `${ORG_A}-wa` };
    const { alert } = await expectAlertLifecycle(sandbox(), "usage", {
      t0: T0,
      fire: () => adminDb().whatsAppBusinessAccount.update({ where: account, data: { monthlyMessageCount: 800, usagePeriodStart: ba("2026-11-01T00:00:00") } }),
      // December: last month's counter reads 0. Then December's own counter reaches 90 %.
      clear: async () => ba("2026-12-01T09:00:00"),
      refire: async () => {
        await adminDb().whatsAppBusinessAccount.update({ where: account, data: { monthlyMessageCount: 900, usagePeriodStart: ba("2026-12-01T00:00:00") } });
        return ba("2026-12-20T10:00:00");
      },
      recipients: [OWNER_EMAIL],
    });
    expect(alert).toMatchObject({ value: 80, threshold: 80, dedupeKey: `usage:${ORG_A}:messages:${ORG_A}-wa` });
    expect(alert.detail).toContain("Usaste 800 de 1000 mensajes");
    // A business alert is not the operators' matter.
    expect(await noticeCounts(sandbox(), OPS_EMAIL)).toEqual([0, 0]);
  });

  it("an active panic mode fires until it is resolved; the business sees its own open alerts only", async () => {
    const panic = { organizationId: ORG_A, integration: `whatsapp:${ORG_A}-wa`, reason: "Meta rechazó 3 envíos seguidos (131031)" };
    let panicId = "";
    await expectAlertLifecycle(sandbox(), "panic_mode", {
      t0: T0,
      fire: async () => (panicId = (await adminDb().panicMode.create({ data: { ...panic, triggeredAt: T0 } })).id),
      clear: async () => {
        await adminDb().panicMode.update({ where: { id: panicId }, data: { status: "RESOLVED", resolvedAt: T0 } });
        return new Date(T0.getTime() + 5 * MINUTE);
      },
      refire: async () => (await adminDb().panicMode.create({ data: panic }), new Date(T0.getTime() + 9 * MINUTE)),
      recipients: [OWNER_EMAIL, OPS_EMAIL],
    });
    await adminDb().alert.create({
      data: { scope: "PLATFORM", kind: "queue_backlog", dedupeKey: "queue_backlog:platform:outbound", openKey: "queue_backlog:platform:outbound", title: "Cola", detail: "x", value: 1, threshold: 1, firstFiredAt: T0, lastSeenAt: T0 },
    });
    expect((await withTenant(ORG_A, listOpenAlerts)).map((a) => a.kind)).toEqual(["panic_mode"]);
    expect(await withTenant(ORG_B, listOpenAlerts)).toEqual([]);
  });

  it("a rejected template fires until it is edited or approved, and reaches the owner on WhatsApp too", async () => {
    let templateId = "";
    await expectAlertLifecycle(sandbox(), "template_rejected", {
      t0: T0,
      fire: async () => {
        const template = await adminDb().waTemplate.create({
          data: { organizationId: ORG_A, name: "promo_noviembre", category: "MARKETING", status: "REJECTED", rejectionReason: "INVALID_FORMAT", components: [] },
        });
        templateId = template.id;
      },
      clear: async () => (await adminDb().waTemplate.update({ where: { id: templateId }, data: { status: "PENDING" } }), new Date(T0.getTime() + HOUR)),
      refire: async () => (await adminDb().waTemplate.update({ where: { id: templateId }, data: { status: "REJECTED" } }), new Date(T0.getTime() + 2 * HOUR)),
      recipients: [OWNER_EMAIL],
    });
    const recipient = await adminDb().customer.findFirstOrThrow({ where: { staffUserId: "u-duena" } });
    const messages = await adminDb().whatsAppMessage.findMany({ where: { conversation: { customerId: recipient.id } }, orderBy: { createdAt: "asc" } });
    expect(messages.map((m) => (m.content as { preview: string }).preview)).toEqual([
      expect.stringMatching(/^CampoTech · Alerta: Plantilla rechazada: promo_noviembre: Meta rechazó la plantilla "promo_noviembre" \(es_AR\): INVALID_FORMAT/),
      expect.stringMatching(/^CampoTech · Se normalizó: Plantilla rechazada: promo_noviembre: /),
      expect.stringMatching(/^CampoTech · Alerta: Plantilla rechazada/),
    ]);
  });

  it("inbound items left in the dead-letter list fire until every one is replayed", async () => {
    const letter = (id: string) => ({
      id, organizationId: ORG_A, provider: "META_DIRECT" as const, accountId: `${ORG_A}-wa`, kind: "message", itemKey: `wamid.${id}`,
      deliveryId: `d-${id}`, receivedAt: T0, item: {}, error: "check constraint",
    });
    const { alert } = await expectAlertLifecycle(sandbox(), "inbound_dead_letters", {
      t0: T0,
      fire: () => adminDb().inboundDeadLetter.createMany({ data: [letter("dl-1"), letter("dl-2")] }),
      clear: async () => (await adminDb().inboundDeadLetter.updateMany({ data: { replayedAt: T0 } }), new Date(T0.getTime() + 10 * MINUTE)),
      refire: async () => (await adminDb().inboundDeadLetter.create({ data: letter("dl-3") }), new Date(T0.getTime() + 20 * MINUTE)),
      recipients: [OWNER_EMAIL, OPS_EMAIL],
    });
    expect(alert).toMatchObject({ organizationId: ORG_A, value: 2, dedupeKey: `inbound_dead_letters:${ORG_A}:whatsapp` });
    expect(alert.detail).toContain("2 mensajes entrantes no se pudieron guardar");
  });
});
