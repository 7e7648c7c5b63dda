import { assistantSettings } from "../assistant/assistant-settings";
import { formatPercent, type AlertReading, type AlertRuleContext } from "./alert-rule";

// Per organization with the assistant on: of the turns the assistant took in the last 24 hours (an AssistantRun
// it claimed — turns it left on purpose, paused or in business hours, or refused by the plan, never get one or
// get a "skipped:…" run), the share it finished with a decision: "replied", or "silent" (it chose not to answer,
// e.g. a thank-you). A reply the outbound engine refused ("reply_refused:…"), a crash ("running" left behind) or
// any other outcome counts as unanswered. Runs younger than the grace period are still in flight.
export async function evaluateAiResponseRate({ db, now, thresholds }: AlertRuleContext): Promise<AlertReading[]> {
  const organizations = await db.organization.findMany({ where: { status: "ACTIVE" }, select: { id: true, settings: true } });
  const withAssistant = organizations.filter((o) => assistantSettings(o.settings).autoResponseEnabled).map((o) => o.id);
  if (!withAssistant.length) return [];
  const groups = await db.assistantRun.groupBy({
    by: ["organizationId", "outcome"],
    where: {
      organizationId: { in: withAssistant },
      createdAt: { gte: new Date(now.getTime() - thresholds.aiWindowMs), lt: new Date(now.getTime() - thresholds.aiGraceMs) },
      NOT: { outcome: { startsWith: "skipped:" } },
    },
    _count: { _all: true },
  });
  const perOrganization = new Map<string, { taken: number; answered: number }>();
  for (const group of groups) {
    const counts = perOrganization.get(group.organizationId) ?? { taken: 0, answered: 0 };
    counts.taken += group._count._all;
    if (group.outcome === "replied" || group.outcome === "silent") counts.answered += group._count._all;
    perOrganization.set(group.organizationId, counts);
  }
  const readings: AlertReading[] = [];
  for (const [organizationId, { taken, answered }] of perOrganization) {
    if (taken < thresholds.aiMinTurns) continue;
    const percent = (answered / taken) * 100;
    readings.push({
      kind: "ai_response_rate",
      scope: "ORGANIZATION",
      organizationId,
      subject: "assistant",
      value: percent,
      threshold: thresholds.aiResponsePercent,
      firing: percent < thresholds.aiResponsePercent,
      title: "El asistente no está respondiendo",
      detail: `En las últimas 24 horas el asistente respondió ${answered} de ${taken} consultas (${formatPercent(percent)} %; umbral: ${formatPercent(thresholds.aiResponsePercent)} %).`,
    });
  }
  return readings;
}
