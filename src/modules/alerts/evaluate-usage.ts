import { startOfMonthInTimezone } from "../../lib/time";
import { effectiveTier } from "../organizations/effective-tier";
import { TIER_LIMITS } from "../organizations/tiers";
import { formatPercent, type AlertReading, type AlertRuleContext } from "./alert-rule";

// Per organization: this Buenos Aires month's usage against the effective plan's limits — messages per number
// (the counters the limit is enforced on, as countMessagesThisMonth reads them) and distinct AI conversations.
// At or above the threshold it fires once; it stays open for the rest of the month and resolves when the month
// turns (the counter then reads as 0), so it fires at most once per month and meter.
export async function evaluateUsage({ db, now, thresholds }: AlertRuleContext): Promise<AlertReading[]> {
  const periodStart = startOfMonthInTimezone(now);
  const organizations = await db.organization.findMany({ where: { status: "ACTIVE" }, select: { id: true, tier: true, trialEndsAt: true } });
  const accounts = await db.whatsAppBusinessAccount.findMany({
    where: { provisioningStatus: { not: "RELEASED" } },
    select: { id: true, organizationId: true, displayPhoneNumber: true, monthlyMessageCount: true, usagePeriodStart: true },
  });
  const aiConversations = await db.assistantRun.groupBy({ by: ["organizationId", "conversationId"], where: { counted: true, createdAt: { gte: periodStart, lte: now } } });
  const readings: AlertReading[] = [];
  for (const organization of organizations) {
    const limits = TIER_LIMITS[effectiveTier(organization, now)];
    const meters = accounts
      .filter((a) => a.organizationId === organization.id)
      .map((a) => ({
        subject: `messages:${a.id}`,
        used: a.usagePeriodStart.getTime() >= periodStart.getTime() ? a.monthlyMessageCount : 0,
        limit: limits.monthlyMessages,
        title: `Uso de mensajes del mes (${a.displayPhoneNumber})`,
        unit: "mensajes",
      }));
    meters.push({
      subject: "ai_conversations",
      used: aiConversations.filter((r) => r.organizationId === organization.id).length,
      limit: limits.monthlyAiConversations,
      title: "Uso de conversaciones con el asistente del mes",
      unit: "conversaciones",
    });
    for (const meter of meters) {
      // Unlimited plans have nothing to warn about; a plan that includes none is not "almost used up".
      if (!meter.limit) continue;
      const percent = (meter.used / meter.limit) * 100;
      readings.push({
        kind: "usage",
        scope: "ORGANIZATION",
        organizationId: organization.id,
        subject: meter.subject,
        value: percent,
        threshold: thresholds.usagePercent,
        firing: percent >= thresholds.usagePercent,
        title: meter.title,
        detail: `Usaste ${meter.used} de ${meter.limit} ${meter.unit} de tu plan este mes (${formatPercent(percent)} %; aviso desde el ${formatPercent(thresholds.usagePercent)} %).`,
      });
    }
  }
  return readings;
}
