import { formatPercent, type AlertReading, type AlertRuleContext } from "./alert-rule";

// Per organization: of the outbound WhatsApp messages created in the last 24 hours whose fate is known, the share
// the provider delivered (DELIVERED or READ) against those that FAILED (including dead-lettered ones). Messages
// still QUEUED or only SENT are not counted yet. Below the minimum sample nothing is said.
export async function evaluateDeliverySuccess({ db, now, thresholds }: AlertRuleContext): Promise<AlertReading[]> {
  const groups = await db.whatsAppMessage.groupBy({
    by: ["organizationId", "status"],
    where: {
      direction: "OUTBOUND",
      status: { in: ["DELIVERED", "READ", "FAILED"] },
      createdAt: { gte: new Date(now.getTime() - thresholds.deliveryWindowMs), lt: now },
    },
    _count: { _all: true },
  });
  const perOrganization = new Map<string, { delivered: number; failed: number }>();
  for (const group of groups) {
    const counts = perOrganization.get(group.organizationId) ?? { delivered: 0, failed: 0 };
    if (group.status === "FAILED") counts.failed += group._count._all;
    else counts.delivered += group._count._all;
    perOrganization.set(group.organizationId, counts);
  }
  const readings: AlertReading[] = [];
  for (const [organizationId, { delivered, failed }] of perOrganization) {
    const total = delivered + failed;
    if (total < thresholds.deliveryMinMessages) continue;
    const percent = (delivered / total) * 100;
    readings.push({
      kind: "delivery_success",
      scope: "ORGANIZATION",
      organizationId,
      subject: "whatsapp",
      value: percent,
      threshold: thresholds.deliverySuccessPercent,
      firing: percent < thresholds.deliverySuccessPercent,
      title: "Mensajes de WhatsApp sin entregar",
      detail: `En las últimas 24 horas se entregó el ${formatPercent(percent)} % de ${total} mensajes (${failed} fallaron; umbral: ${formatPercent(thresholds.deliverySuccessPercent)} %).`,
    });
  }
  return readings;
}
