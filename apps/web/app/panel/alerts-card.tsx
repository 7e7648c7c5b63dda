import { listOpenAlerts } from "@campotech/core/modules/alerts";
import { formatDayMonthClockAr } from "@campotech/core/lib/clock-format";
import type { PanelSession } from "@/lib/panel/session";

// "Alertas" on the dashboard home (issue 20): the organization's open alerts (delivery, assistant, usage, panic
// mode, rejected templates), for owners and admins — the people the alerts are sent to. Nothing open, no card.
export async function AlertsCard({ session }: { session: PanelSession }) {
  if (!session.can("settings.manage")) return null;
  const alerts = await session.tenant(listOpenAlerts);
  if (!alerts.length) return null;
  return (
    <section className="card" aria-labelledby="alerts-h" data-testid="alerts">
      <h2 id="alerts-h">Alertas ({alerts.length})</h2>
      <ul>
        {alerts.map((a) => (
          <li key={a.id} data-testid="alert">
            <strong>{a.title}</strong> · <span className="muted">desde el {formatDayMonthClockAr(a.firstFiredAt)}</span>
            <br />
            {a.detail}
          </li>
        ))}
      </ul>
    </section>
  );
}
