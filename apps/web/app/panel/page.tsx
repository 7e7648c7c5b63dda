import type { Metadata } from "next";
import Link from "next/link";
import { getOverview } from "@campotech/core/modules/overview";
import { requireSession } from "@/lib/panel/session";
import { formatClockAr } from "@campotech/core/lib/clock-format";
import { formatPhoneForPeople } from "@campotech/core/lib/phone";
import { OnboardingCard } from "./onboarding-card";
import { AlertsCard } from "./alerts-card"; // issue 20 (alerts)

export const metadata: Metadata = { title: "Resumen" };
export const dynamic = "force-dynamic";

const TIME = { format: formatClockAr };
const STATUS: Record<string, string> = { pending: "Pendiente", scheduled: "Agendado", en_camino: "En camino", working: "Trabajando", completed: "Terminado", cancelled: "Cancelado" };
const NUMBER = new Intl.NumberFormat("es-AR");

function duration(seconds: number | null): string {
  if (seconds === null) return "sin datos";
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  return `${Math.floor(seconds / 3600)} h ${Math.round((seconds % 3600) / 60)} min`;
}

// The day at a glance: today's jobs, open conversations, emergencies, this month's messages and first-response time.
export default async function OverviewPage() {
  const session = await requireSession("/panel");
  const overview = await session.tenant((tx) => getOverview(tx, { organizationId: session.claims.org }));
  const m = overview.messagesThisMonth;
  return (
    <>
      <div className="page-head">
        <h1>Resumen</h1>
      </div>
      <OnboardingCard session={session} />
      <AlertsCard session={session} /> {/* issue 20 (alerts) */}
      <div className="grid">
        <section className="card" aria-labelledby="conv">
          <h2 id="conv">Conversaciones</h2>
          <p className="stat" data-testid="open-conversations">{overview.conversations.open}</p>
          <p>abiertas · <Link href="/panel/bandeja?filtro=no-leidas">{overview.conversations.unread} sin leer</Link></p>
        </section>
        <section className="card" aria-labelledby="urg">
          <h2 id="urg">Urgencias</h2>
          <p className="stat">{overview.emergencies.count}</p>
          <p>abiertas · {overview.emergencies.detectedByAssistantToday} detectadas hoy por el asistente</p>
        </section>
        <section className="card" aria-labelledby="msg">
          <h2 id="msg">Mensajes del mes</h2>
          <p className="stat">{NUMBER.format(m.sent)}</p>
          <p>enviados · {NUMBER.format(m.delivered)} entregados · {NUMBER.format(m.read)} leídos{m.failed ? ` · ${m.failed} fallidos` : ""}</p>
        </section>
        <section className="card" aria-labelledby="resp">
          <h2 id="resp">Primera respuesta</h2>
          <p className="stat">{duration(overview.firstResponseThisMonth.medianSeconds)}</p>
          <p>mediana del mes ({overview.firstResponseThisMonth.conversations} conversaciones)</p>
        </section>
      </div>
      {overview.emergencies.jobs.length ? (
        <section className="card" aria-labelledby="urg-list">
          <h2 id="urg-list">Urgencias abiertas</h2>
          <ul>
            {overview.emergencies.jobs.map((j) => (
              <li key={j.id}>
                <Link href={`/panel/trabajos/${j.id}`}>Trabajo #{j.number}</Link> · {j.customer.name}
                {j.customer.phone ? <> · <a href={`tel:${j.customer.phone}`} data-testid="phone">{formatPhoneForPeople(j.customer.phone)}</a></> : null} · <span className="pill emergency">{STATUS[j.status]}</span>
                {j.technician ? ` · ${j.technician.name}` : " · sin técnico asignado"}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="card" aria-labelledby="hoy">
        <h2 id="hoy">Trabajos de hoy ({overview.jobsToday.total})</h2>
        {overview.jobsToday.items.length === 0 ? (
          <p className="empty">No hay trabajos agendados para hoy.</p>
        ) : (
          <table className="stack-table">
            <thead><tr><th>Horario</th><th>Trabajo</th><th>Cliente</th><th>Técnico</th><th>Estado</th></tr></thead>
            <tbody>
              {overview.jobsToday.items.map((j) => (
                <tr key={j.id}>
                  <td data-label="Horario">{j.scheduledStart ? TIME.format(j.scheduledStart) : "—"}{j.scheduledEnd ? `–${TIME.format(j.scheduledEnd)}` : ""}</td>
                  <td data-label="Trabajo"><Link href={`/panel/trabajos/${j.id}`}>#{j.number}</Link>{j.urgency === "EMERGENCY" ? <> <span className="pill emergency">Urgencia</span></> : null}</td>
                  <td data-label="Cliente">
                    {j.customer.name}
                    {j.customer.phone ? <><br /><a href={`tel:${j.customer.phone}`} className="muted" data-testid="phone">{formatPhoneForPeople(j.customer.phone)}</a></> : null}
                  </td>
                  <td data-label="Técnico">{j.technician?.name ?? "Sin asignar"}</td>
                  <td data-label="Estado">{STATUS[j.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
