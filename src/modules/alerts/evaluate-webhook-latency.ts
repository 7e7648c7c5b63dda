import { readWebhookAckStats } from "../observability/read-webhook-ack-stats";
import type { AlertReading, AlertRuleContext } from "./alert-rule";

// Platform: the p95 of every webhook ack (all providers, all results) over the last 15 minutes, from the
// persisted per-minute samples. p95 rather than the average: one 30-second ack among hundreds of fast ones moves
// the average without anyone's provider timing out; 5 % of acks over 5 s means providers are retrying.
export async function evaluateWebhookLatency({ db, now, thresholds }: AlertRuleContext): Promise<AlertReading[]> {
  const stats = await readWebhookAckStats(db, { from: new Date(now.getTime() - thresholds.webhookWindowMs), to: now });
  if (stats.count < thresholds.webhookMinAcks || stats.p95Ms === null) return [];
  const seconds = (ms: number) => (ms / 1000).toLocaleString("es-AR", { maximumFractionDigits: 1 });
  return [
    {
      kind: "webhook_latency",
      scope: "PLATFORM",
      organizationId: null,
      subject: "all",
      value: stats.p95Ms,
      threshold: thresholds.webhookP95Ms,
      firing: stats.p95Ms > thresholds.webhookP95Ms,
      title: "Webhooks lentos",
      detail: `El 95 % de las respuestas a los webhooks tardó hasta ${seconds(stats.p95Ms)} s en los últimos 15 minutos (${stats.count} webhooks; umbral: ${seconds(thresholds.webhookP95Ms)} s).`,
    },
  ];
}
