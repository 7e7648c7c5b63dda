import type { Alert, Database } from "@campotech/database";
import { sendEmail, smtpConfigFromEnv, type SmtpConfig } from "../../integrations/smtp/send-email";
import { formatDayMonthClockAr } from "../../lib/clock-format";
import { env } from "../../lib/env";
import { notifyStaff, type StaffDelivery } from "../notifications/notify-staff";
import type { AlertAudience } from "./alert-rule";

export type AlertNotifyDeps = {
  db: Database;
  now: Date;
  smtp?: SmtpConfig;
  // Defaults: PLATFORM_ALERT_EMAILS and PLATFORM_ALERT_ORGANIZATION_ID.
  platformEmails?: readonly string[];
  platformOrganizationId?: string | null;
};

// One attempt to tell someone: to is an email address or a user id; status sent | failed | skipped | deferred.
export type AlertNotice = {
  alertId: string;
  event: "fired" | "resolved";
  audience: AlertAudience;
  channel: "email" | "whatsapp" | "push" | "none";
  to: string;
  status: "sent" | "failed" | "skipped" | "deferred";
  reason?: string;
};

// Tells the business (its active owners and admins, by email and WhatsApp through notifyStaff — the same path as
// the assistant's emergency alert, quiet hours included) and/or the platform operators (email to each operator
// address; WhatsApp to the owners and admins of the operators' own organization, when configured).
export async function notifyAlert(alert: Alert, event: "fired" | "resolved", audience: readonly AlertAudience[], deps: AlertNotifyDeps): Promise<AlertNotice[]> {
  const title = event === "fired" ? `Alerta: ${alert.title}` : `Se normalizó: ${alert.title}`;
  const body =
    event === "fired"
      ? alert.detail
      : `${alert.title}: volvió a la normalidad el ${formatDayMonthClockAr(alert.resolvedAt ?? deps.now)} (estaba activa desde el ${formatDayMonthClockAr(alert.firstFiredAt)}).`;
  const notices: AlertNotice[] = [];
  const base = { alertId: alert.id, event };
  if (alert.organizationId && audience.includes("business")) {
    const deliveries = await notifyOwners(alert.organizationId, { title, body }, ["email", "whatsapp"], `alert-${alert.id}-${event}`, deps);
    notices.push(...deliveries.map((d) => toNotice(base, "business", d)));
  }
  if (alert.scope === "PLATFORM" || audience.includes("platform")) {
    const organization = alert.organizationId
      ? await deps.db.organization.findUnique({ where: { id: alert.organizationId }, select: { name: true } })
      : null;
    const subject = organization ? `${title} · ${organization.name}` : title;
    for (const to of deps.platformEmails ?? env.PLATFORM_ALERT_EMAILS) {
      try {
        await sendEmail({ to, subject: `CampoTech · ${subject}`, text: body }, deps.smtp ?? smtpConfigFromEnv());
        notices.push({ ...base, audience: "platform", channel: "email", to, status: "sent" });
      } catch (error) {
        notices.push({ ...base, audience: "platform", channel: "email", to, status: "failed", reason: error instanceof Error ? error.message : String(error) });
      }
    }
    const operators = deps.platformOrganizationId === undefined ? env.PLATFORM_ALERT_ORGANIZATION_ID : deps.platformOrganizationId;
    if (operators) {
      const deliveries = await notifyOwners(operators, { title: subject, body }, ["whatsapp"], `alert-${alert.id}-${event}`, deps);
      notices.push(...deliveries.map((d) => toNotice(base, "platform", d)));
    }
  }
  if (!notices.length) notices.push({ ...base, audience: audience[0] ?? "platform", channel: "none", to: "", status: "skipped", reason: "nadie a quien avisar" });
  return notices;
}

async function notifyOwners(
  organizationId: string,
  message: { title: string; body: string },
  channels: ("email" | "whatsapp")[],
  dedupeKey: string,
  deps: AlertNotifyDeps,
): Promise<StaffDelivery[]> {
  const owners = await deps.db.user.findMany({ where: { organizationId, role: { in: ["OWNER", "ADMIN"] }, isActive: true }, select: { id: true } });
  if (!owners.length) return [];
  return notifyStaff(
    { organizationId, userIds: owners.map((u) => u.id), message, urgency: "HIGH", channels, dedupeKey },
    { now: deps.now, ...(deps.smtp ? { smtp: deps.smtp } : {}) },
  );
}

function toNotice(base: { alertId: string; event: "fired" | "resolved" }, audience: AlertAudience, delivery: StaffDelivery): AlertNotice {
  if (!("channel" in delivery)) return { ...base, audience, channel: "none", to: delivery.userId, status: "deferred", reason: `horario de silencio hasta ${delivery.until.toISOString()}` };
  return {
    ...base,
    audience,
    channel: delivery.channel,
    to: delivery.userId,
    status: delivery.status,
    ...(delivery.status === "sent" ? {} : { reason: delivery.reason }),
  };
}
