import type { Metadata } from "next";
import Link from "next/link";
import { getReport, reportRangeSchema } from "@campotech/core/modules/reports";
import { formatMoney } from "@/components/invoices/invoice-format";
import { JobsChartPanel, RevenueChartPanel } from "@/components/reports/report-charts";
import { formatDuration, formatIsoDay, formatShare, rangePresets } from "@/components/reports/report-format";
import { dayParam } from "@/lib/panel/day-param";
import { requireSession } from "@/lib/panel/session";
import { JobsTable, ResponseTable, RevenueTable } from "./report-tables";
import styles from "./reports.module.css";

export const metadata: Metadata = { title: "Reportes" };
export const dynamic = "force-dynamic";

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
// A day we understood goes back into the field as dd/mm/aaaa; anything else as it was typed, next to its error.
const shown = (iso: string, typed: string) => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? formatIsoDay(iso) : typed);

// How the business did over a Buenos Aires date range (this month unless the address says otherwise): jobs per
// technician, money quoted and invoiced, how fast customers got an answer, what the assistant solved alone and the
// emergencies. The range travels in the address (desde/hasta), so presets are plain links and a report can be shared.
export default async function ReportsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams;
  const session = await requireSession("/panel/reportes");
  if (!session.can("reports.read")) {
    return (
      <section className="card" role="alert">
        <h1>Reportes</h1>
        <p>Tu rol no tiene acceso a los reportes. <Link href="/panel">Volvé al resumen</Link>.</p>
      </section>
    );
  }
  const presets = rangePresets(new Date());
  const typed = { desde: one(params.desde)?.trim() ?? "", hasta: one(params.hasta)?.trim() ?? "" };
  const custom = Boolean(typed.desde || typed.hasta);
  const range = custom ? { from: dayParam(typed.desde) ?? typed.desde, to: dayParam(typed.hasta) ?? typed.hasta } : { from: presets[0]!.from, to: presets[0]!.to };
  const checked = reportRangeSchema.safeParse(range);
  const problem = checked.success ? null : checked.error.issues.map((i) => `${i.path[0] === "from" ? "Desde" : "Hasta"}: ${i.message}`).join(" ");
  const report = checked.success ? await session.tenant((tx) => getReport(tx, session.claims.org, checked.data)) : null;
  const activePreset = presets.find((p) => p.from === range.from && p.to === range.to)?.key;

  return (
    <>
      <div className="page-head">
        <h1>Reportes</h1>
        {report ? <p className="muted" data-testid="report-range">Del {formatIsoDay(report.from)} al {formatIsoDay(report.to)} ({report.days} {report.days === 1 ? "día" : "días"})</p> : null}
      </div>
      <section className={`card ${styles.filters}`} aria-label="Período">
        <ul className={styles.presets}>
          {presets.map((p) => (
            <li key={p.key}><Link href={`/panel/reportes?desde=${p.from}&hasta=${p.to}`} aria-current={activePreset === p.key ? "true" : undefined}>{p.label}</Link></li>
          ))}
        </ul>
        <form className={styles.custom} method="get" action="/panel/reportes">
          <label>Desde<input name="desde" inputMode="numeric" placeholder="dd/mm/aaaa" maxLength={10} defaultValue={shown(range.from, typed.desde)} /></label>
          <label>Hasta<input name="hasta" inputMode="numeric" placeholder="dd/mm/aaaa" maxLength={10} defaultValue={shown(range.to, typed.hasta)} /></label>
          <button type="submit" className="secondary">Ver período</button>
        </form>
        {problem ? <p className="error" role="alert">{problem}</p> : null}
      </section>
      {report ? <ReportBody report={report} /> : null}
    </>
  );
}

function ReportBody({ report }: { report: Awaited<ReturnType<typeof getReport>> }) {
  const { revenue, firstResponse: fr, assistantResolution: ar, emergencies: em, jobsByTechnician: jobs } = report;
  const jobsTotal = jobs.reduce((sum, r) => sum + r.total, 0);
  const per = report.granularity === "day" ? "día" : "semana";
  return (
    <>
      <div className={styles.stats}>
        <section className="card" aria-labelledby="st-jobs"><h2 id="st-jobs">Trabajos</h2><p className="stat" data-testid="stat-jobs">{jobsTotal}</p></section>
        <section className="card" aria-labelledby="st-quotes"><h2 id="st-quotes">Presupuestado</h2><p className="stat" data-testid="stat-quotes">{formatMoney(revenue.quotesCents)}</p></section>
        <section className="card" aria-labelledby="st-invoices"><h2 id="st-invoices">Facturado</h2><p className="stat" data-testid="stat-invoices">{formatMoney(revenue.invoicesCents)}</p></section>
        <section className="card" aria-labelledby="st-response"><h2 id="st-response">Primera respuesta</h2><p className="stat" data-testid="stat-response">{fr.all.medianSeconds === null ? "—" : formatDuration(fr.all.medianSeconds)}</p><p className="muted">{fr.all.medianSeconds === null ? "sin respuestas en el período" : "mediana"}</p></section>
        <section className="card" aria-labelledby="st-assistant"><h2 id="st-assistant">Resuelto por el asistente</h2><p className="stat" data-testid="stat-assistant">{formatShare(ar.assistantShareBps)}</p><p className="muted">{ar.assistantOnly} de {ar.conversations} conversaciones</p></section>
        <section className="card" aria-labelledby="st-emergencies"><h2 id="st-emergencies">Urgencias</h2><p className="stat" data-testid="stat-emergencies">{em.jobs}</p><p className="muted">{em.medianSecondsToAssign === null ? "ninguna con técnico asignado" : `técnico asignado en ${formatDuration(em.medianSecondsToAssign)} (mediana)`}</p></section>
      </div>
      <div className={styles.sections}>
        <section className="card" aria-labelledby="r-jobs">
          <h2 id="r-jobs">Trabajos por técnico y estado</h2>
          {jobs.length === 0 ? <p className="empty">No hay trabajos en este período.</p> : (
            <>
              <JobsChartPanel rows={jobs} summary={`Trabajos por técnico: ${jobs.map((r) => `${r.technicianName ?? "Sin asignar"} ${r.total}`).join(", ")}.`} />
              <JobsTable rows={jobs} />
            </>
          )}
          <p className="muted">Cada trabajo cuenta en el día para el que está agendado (o en el que se cargó, si no tiene horario).</p>
        </section>
        <section className="card" aria-labelledby="r-revenue">
          <h2 id="r-revenue">Presupuestado y facturado por {per}</h2>
          {revenue.points.every((p) => p.quotesCents === 0 && p.invoicesCents === 0) ? <p className="empty">No hay presupuestos ni facturas en este período.</p> : (
            <>
              <RevenueChartPanel revenue={revenue} summary={`Presupuestado ${formatMoney(revenue.quotesCents)} y facturado ${formatMoney(revenue.invoicesCents)} en el período, por ${per}.`} />
              <RevenueTable revenue={revenue} />
            </>
          )}
          <p className="muted">Montos sin IVA. Presupuestado: ítems de los trabajos (sin los cancelados) y precios pasados en oportunidades que todavía no son trabajo. Facturado: facturas autorizadas menos notas de crédito.</p>
        </section>
        <section className="card" aria-labelledby="r-response">
          <h2 id="r-response">Tiempo hasta la primera respuesta</h2>
          {fr.openings === 0 ? <p className="empty">Ningún cliente escribió en este período.</p> : (
            <>
              <ResponseTable firstResponse={fr} />
              <p>{fr.openings} consultas · {fr.unanswered} sin respuesta todavía.</p>
            </>
          )}
          <p className="muted">Desde el mensaje del cliente que abre una consulta hasta la primera respuesta del asistente o de una persona (los avisos automáticos no cuentan).</p>
        </section>
        <section className="card" aria-labelledby="r-assistant">
          <h2 id="r-assistant">Conversaciones resueltas por el asistente</h2>
          {ar.conversations === 0 ? <p className="empty">No hubo conversaciones en este período.</p> : (
            <ul data-testid="assistant-breakdown">
              <li>Solo el asistente: {ar.assistantOnly} ({formatShare(ar.assistantShareBps)})</li>
              <li>Con una persona (mensaje o asignación): {ar.withPerson}</li>
              <li>Sin respuesta: {ar.noReply}</li>
            </ul>
          )}
        </section>
        <section className="card" aria-labelledby="r-emergencies">
          <h2 id="r-emergencies">Urgencias atendidas</h2>
          {em.jobs === 0 && em.leadsWithoutJob === 0 ? <p className="empty">No hubo urgencias en este período.</p> : (
            <ul data-testid="emergencies-breakdown">
              <li>Trabajos de urgencia: {em.jobs} ({em.completed} terminados)</li>
              <li>Con técnico: {em.assigned} · sin técnico: {em.unassigned}</li>
              {em.medianSecondsToAssign === null ? null : <li>Tiempo hasta asignar: mediana {formatDuration(em.medianSecondsToAssign)}; el 90 % en {formatDuration(em.p90SecondsToAssign)} o menos</li>}
              <li>Urgencias detectadas sin trabajo cargado: {em.leadsWithoutJob}</li>
            </ul>
          )}
        </section>
      </div>
    </>
  );
}
