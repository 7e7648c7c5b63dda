import type { Alert, Database } from "@campotech/database";
import { adminDb } from "../../lib/db";
import { logger } from "../../lib/logger";
import { dedupeKeyOf, type AlertReading, type AlertRule } from "./alert-rule";
import { ALERT_RULES } from "./alert-rules";
import { notifyAlert, type AlertNotice, type AlertNotifyDeps } from "./notify-alert";
import { alertThresholds, type AlertThresholds } from "./thresholds";

export type EvaluateAlertsDeps = Partial<Omit<AlertNotifyDeps, "now" | "db">> & {
  // The clock: every window and every timestamp is computed from it.
  now?: Date;
  db?: Database;
  rules?: readonly AlertRule[];
  thresholds?: AlertThresholds;
};

export type AlertsEvaluation = {
  at: Date;
  readings: AlertReading[];
  fired: Alert[];
  resolved: Alert[];
  // Rules that threw: their open alerts are left as they were (a Redis outage must not "resolve" queue alerts).
  failedRules: { kind: string; error: string }[];
  notices: AlertNotice[];
};

// One evaluation: run every rule, open an alert for each firing reading whose key has none open (a reading that
// keeps firing only moves lastSeenAt), resolve the open alerts of each rule that no longer fire, then tell people
// — once when an alert fires, once when it resolves. Safe to run concurrently: the open-key unique index admits
// one open alert per key, and each notice is claimed (notifiedAt / resolvedNotifiedAt) before it is sent.
export async function evaluateAlerts(deps: EvaluateAlertsDeps = {}): Promise<AlertsEvaluation> {
  const now = deps.now ?? new Date();
  const db = deps.db ?? adminDb();
  const thresholds = deps.thresholds ?? alertThresholds();
  const rules = deps.rules ?? ALERT_RULES;
  const out: AlertsEvaluation = { at: now, readings: [], fired: [], resolved: [], failedRules: [], notices: [] };
  for (const rule of rules) {
    let readings: AlertReading[];
    try {
      readings = await rule.evaluate({ db, now, thresholds });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      logger.warn({ rule: rule.kind, err: message }, "alert rule failed; its alerts are left as they were");
      out.failedRules.push({ kind: rule.kind, error: message });
      continue;
    }
    out.readings.push(...readings);
    const firing = readings.filter((r) => r.firing);
    for (const reading of firing) {
      const opened = await recordFiring(db, reading, now);
      if (opened) out.fired.push(opened);
    }
    out.resolved.push(...(await resolveCleared(db, rule.kind, firing.map(dedupeKeyOf), now)));
  }
  const audienceOf = new Map(rules.map((r) => [r.kind, r.notify]));
  out.notices = await sendPendingNotices(db, audienceOf, { ...deps, db, now });
  return out;
}

// Returns the alert when this reading opened it.
async function recordFiring(db: Database, reading: AlertReading, now: Date): Promise<Alert | null> {
  const key = dedupeKeyOf(reading);
  const measured = { value: reading.value, threshold: reading.threshold, title: reading.title, detail: reading.detail, lastSeenAt: now };
  const open = await db.alert.updateMany({ where: { openKey: key }, data: measured });
  if (open.count) return null;
  try {
    return await db.alert.create({
      data: {
        ...measured,
        organizationId: reading.organizationId,
        scope: reading.scope,
        kind: reading.kind,
        dedupeKey: key,
        openKey: key,
        firstFiredAt: now,
      },
    });
  } catch (error) {
    // Another evaluation opened it a moment ago.
    if ((error as { code?: string }).code === "P2002") return null;
    throw error;
  }
}

async function resolveCleared(db: Database, kind: string, firingKeys: string[], now: Date): Promise<Alert[]> {
  const cleared = await db.alert.findMany({ where: { kind, status: "OPEN", openKey: { notIn: firingKeys } }, select: { id: true } });
  const resolved: Alert[] = [];
  for (const { id } of cleared) {
    const done = await db.alert.updateMany({ where: { id, status: "OPEN" }, data: { status: "RESOLVED", openKey: null, resolvedAt: now } });
    if (done.count) resolved.push(await db.alert.findUniqueOrThrow({ where: { id } }));
  }
  return resolved;
}

// Alerts whose firing was not told yet, and resolved ones whose resolution was not (always after their firing).
async function sendPendingNotices(db: Database, audienceOf: Map<string, readonly AlertRule["notify"][number][]>, deps: AlertNotifyDeps): Promise<AlertNotice[]> {
  const notices: AlertNotice[] = [];
  const pending = await db.alert.findMany({
    where: { kind: { in: [...audienceOf.keys()] }, OR: [{ notifiedAt: null }, { status: "RESOLVED", resolvedNotifiedAt: null }] },
    orderBy: { firstFiredAt: "asc" },
  });
  for (const alert of pending) {
    const audience = audienceOf.get(alert.kind) ?? [];
    if (!alert.notifiedAt && (await claim(db, alert.id, "notifiedAt", deps.now))) {
      notices.push(...(await notifyAlert(alert, "fired", audience, deps)));
    }
    if (alert.status === "RESOLVED" && (await claim(db, alert.id, "resolvedNotifiedAt", deps.now))) {
      notices.push(...(await notifyAlert(alert, "resolved", audience, deps)));
    }
  }
  return notices;
}

async function claim(db: Database, id: string, field: "notifiedAt" | "resolvedNotifiedAt", now: Date): Promise<boolean> {
  const claimed = await db.alert.updateMany({ where: { id, [field]: null }, data: { [field]: now } });
  return claimed.count === 1;
}
