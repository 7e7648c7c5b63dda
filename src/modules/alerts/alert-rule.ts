import type { Database } from "@campotech/database";
import type { AlertThresholds } from "./thresholds";

export type AlertScope = "ORGANIZATION" | "PLATFORM";
// Who hears about an alert: the business (its owners and admins) and/or the platform operators.
export type AlertAudience = "business" | "platform";

// One measurement of one subject by a rule. Only firing readings become (or keep) an alert; the others are
// returned so `campotech alerts evaluate` can show where each subject stands.
export type AlertReading = {
  kind: string;
  scope: AlertScope;
  organizationId: string | null;
  // What the reading is about inside its organization (or the platform): a queue, a number, a template.
  subject: string;
  value: number;
  threshold: number;
  firing: boolean;
  // es-AR, for the notification and the dashboard.
  title: string;
  detail: string;
};

export type AlertRuleContext = {
  // The owner connection: rules read every organization's aggregates at once.
  db: Database;
  now: Date;
  thresholds: AlertThresholds;
};

// notify: who hears about this rule's alerts when they fire and when they resolve. Platform alerts always reach
// the operators; "business" applies to organization alerts.
export type AlertRule = { kind: string; notify: readonly AlertAudience[]; evaluate: (ctx: AlertRuleContext) => Promise<AlertReading[]> };

export function dedupeKeyOf(reading: Pick<AlertReading, "kind" | "organizationId" | "subject">): string {
  return `${reading.kind}:${reading.organizationId ?? "platform"}:${reading.subject}`;
}

// 87.456 → "87,5" (es-AR decimal comma).
export function formatPercent(value: number): string {
  return (Math.round(value * 10) / 10).toLocaleString("es-AR", { maximumFractionDigits: 1 });
}
