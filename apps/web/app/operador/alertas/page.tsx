import type { Metadata } from "next";
import { adminDb } from "@campotech/core/lib/db";
import { formatDayMonthClockAr } from "@campotech/core/lib/clock-format";
import { listAlerts, type AlertView } from "@campotech/core/modules/alerts";
import { requireOperatorSession } from "@/lib/panel/operator-session";

export const metadata: Metadata = { title: "Alertas de la plataforma — CampoTech" };
export const dynamic = "force-dynamic";

// Every alert the evaluation job recorded (docs/operations.md "Alerts"): what is open now — the platform's and each
// business's — and the most recent ones that cleared. Operators read across organizations, so the owner connection.
export default async function OperatorAlertsPage() {
  await requireOperatorSession("/operador/alertas");
  const alerts = await listAlerts({ all: true, limit: 100 });
  const ids = [...new Set(alerts.map((a) => a.organizationId).filter((id): id is string => Boolean(id)))];
  const names = new Map((await adminDb().organization.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((o) => [o.id, o.name]));
  const open = alerts.filter((a) => a.status === "OPEN");
  const resolved = alerts.filter((a) => a.status === "RESOLVED");
  const who = (a: AlertView) => (a.organizationId ? (names.get(a.organizationId) ?? a.organizationId) : "Plataforma");
  return (
    <section aria-labelledby="alertas-titulo">
      <h1 id="alertas-titulo">Alertas de la plataforma</h1>
      <h2>Abiertas ({open.length})</h2>
      {open.length ? <AlertList alerts={open} who={who} /> : <p className="muted">No hay alertas abiertas.</p>}
      <h2>Normalizadas recientemente</h2>
      {resolved.length ? <AlertList alerts={resolved} who={who} /> : <p className="muted">Todavía no se normalizó ninguna.</p>}
    </section>
  );
}

function AlertList({ alerts, who }: { alerts: AlertView[]; who: (a: AlertView) => string }) {
  return (
    <ul style={{ listStyle: "none", padding: 0 }} data-testid="operator-alerts">
      {alerts.map((a) => (
        <li key={a.id} className="card" data-testid="operator-alert">
          <strong>{a.title}</strong> · {who(a)}
          <br />
          {a.detail}
          <br />
          <span className="muted">
            desde el {formatDayMonthClockAr(a.firstFiredAt)}
            {a.status === "RESOLVED"
              ? ` · se normalizó el ${formatDayMonthClockAr(a.resolvedAt ?? a.lastSeenAt)}`
              : ` · visto por última vez el ${formatDayMonthClockAr(a.lastSeenAt)}`}
          </span>
        </li>
      ))}
    </ul>
  );
}
