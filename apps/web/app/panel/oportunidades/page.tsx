import type { Metadata } from "next";
import Link from "next/link";
import { listLeads } from "@campotech/core/modules/leads";
import { requireSession } from "@/lib/panel/session";
import { LeadStatusControl } from "./lead-status-control";
import { formatDayMonthClockAr } from "@campotech/core/lib/clock-format";
import { formatPhoneForPeople } from "@campotech/core/lib/phone";

export const metadata: Metadata = { title: "Oportunidades" };
export const dynamic = "force-dynamic";

const STATUS = { NEW: "Nueva", QUOTED: "Cotizada", SCHEDULED: "Agendada", WON: "Ganada", LOST: "Perdida" } as const;
const SERVICE: Record<string, string> = { PLUMBING: "Plomería", GAS: "Gas", ELECTRICAL: "Electricidad", HVAC: "Aire acondicionado", DRAINAGE: "Destapaciones", GENERAL: "General" };
const WHEN = { format: formatDayMonthClockAr };
const PESOS = (cents: number) => `$ ${new Intl.NumberFormat("es-AR", { minimumFractionDigits: cents % 100 ? 2 : 0 }).format(cents / 100)}`;

// Customers who asked for a price, a visit or had an emergency — what the assistant (or the office) registered for
// the owner to follow up. Filter by status; change it as the sale moves.
export default async function LeadsPage({ searchParams }: { searchParams: Promise<{ estado?: string }> }) {
  const { estado } = await searchParams;
  const session = await requireSession("/panel/oportunidades");
  if (!session.can("customers.read")) return <p className="empty" role="alert">Tu rol no puede ver las oportunidades.</p>;
  const status = (Object.keys(STATUS) as (keyof typeof STATUS)[]).find((s) => s === estado);
  const { items } = await session.tenant((tx) => listLeads(tx, { ...(status ? { status } : {}), limit: 100 }));
  const canEdit = session.can("customers.write");
  return (
    <>
      <div className="page-head">
        <h1>Oportunidades</h1>
        <nav aria-label="Estado" className="row">
          <Link href="/panel/oportunidades" aria-current={!status ? "true" : undefined}>Todas</Link>
          {(Object.keys(STATUS) as (keyof typeof STATUS)[]).map((s) => (
            <Link key={s} href={`/panel/oportunidades?estado=${s}`} aria-current={status === s ? "true" : undefined}>{STATUS[s]}</Link>
          ))}
        </nav>
      </div>
      {items.length === 0 ? (
        <p className="empty">No hay oportunidades {status ? "con ese estado" : "todavía"}. Aparecen cuando un cliente pide precio, un turno o reporta una urgencia.</p>
      ) : (
        <table className="stack-table">
          <thead>
            <tr><th>Cliente</th><th>Qué necesita</th><th>Servicio</th><th>Cotizado</th><th>Estado</th><th>Actualizada</th></tr>
          </thead>
          <tbody>
            {items.map((lead) => (
              <tr key={lead.id} data-lead-id={lead.id}>
                <td>
                  <Link href={`/panel/clientes/${lead.customer.id}`}>{lead.customer.name || formatPhoneForPeople(lead.customer.phone)}</Link>
                  {lead.urgency === "EMERGENCY" ? <> <span className="pill emergency">Urgencia</span></> : null}
                  <br /><span className="muted">{formatPhoneForPeople(lead.customer.phone)}</span>
                </td>
                <td data-label="Qué necesita">
                  {lead.summary}
                  {lead.conversationId ? <><br /><Link href={`/panel/bandeja?c=${lead.conversationId}`}>Ver conversación</Link></> : null}
                  {lead.job ? <> · <Link href={`/panel/trabajos/${lead.job.id}`}>Trabajo #{lead.job.number}</Link></> : null}
                </td>
                <td data-label="Servicio">{lead.serviceType ? SERVICE[lead.serviceType] : "—"}</td>
                <td data-label="Cotizado">{lead.quotedCents != null ? PESOS(lead.quotedCents) : "—"}</td>
                <td data-label="Estado">{canEdit ? <LeadStatusControl leadId={lead.id} status={lead.status} labels={STATUS} /> : STATUS[lead.status]}</td>
                <td data-label="Actualizada">{WHEN.format(lead.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
