import type { Metadata } from "next";
import Link from "next/link";
import { isAppError } from "@campotech/core/lib/errors";
import { buildPlatformStatsReport, PROVIDER_COSTS_CHECKED_ON, renderStatsMarkdown, statsTables, type PlatformStatsReport } from "@campotech/core/modules/platform-stats";
import { formatIsoDay } from "@/components/reports/report-format";
import { dayParam } from "@/lib/panel/day-param";
import { requireOperatorSession } from "@/lib/panel/operator-session";
import { CopyMarkdownButton } from "./copy-markdown-button";
import { statsPeriodPresets } from "./stats-period-presets";
import filters from "../../panel/reportes/reports.module.css";
import styles from "./stats.module.css";

// The BSP marks keep their emoji in the Markdown; on the page they are coloured labels (readable without an emoji font).
const MARKS: [string, string][] = [["✅ ", styles.met!], ["❌ ", styles.notMet!], ["ℹ️ ", styles.info!]];
function Cell({ text }: { text: string }) {
  const mark = MARKS.find(([prefix]) => text.startsWith(prefix));
  return mark ? <span className={mark[1]}>{text.slice(mark[0].length)}</span> : <>{text}</>;
}

export const metadata: Metadata = { title: "Estadísticas de la plataforma — CampoTech" };
export const dynamic = "force-dynamic";

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() ?? "";

// The platform statistics for the BSP application (docs/operations.md): a period in the address (desde/hasta,
// Buenos Aires days; the last 30 days without them), the report's tables, and the same report as Markdown to copy
// or as JSON to download.
export default async function PlatformStatsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams;
  await requireOperatorSession("/operador/estadisticas");
  const typed = { desde: one(params.desde), hasta: one(params.hasta) };
  const query = { ...(typed.desde ? { from: dayParam(typed.desde) ?? typed.desde } : {}), ...(typed.hasta ? { to: dayParam(typed.hasta) ?? typed.hasta } : {}) };
  let report: PlatformStatsReport | null = null;
  let problem: string | null = null;
  try {
    report = await buildPlatformStatsReport({ ...query, now: new Date() });
  } catch (error) {
    if (!isAppError(error) || error.code !== "VALIDATION_FAILED") throw error;
    problem = error.message;
  }
  const presets = statsPeriodPresets(new Date());
  const period = report ? `desde=${report.period.from}&hasta=${report.period.to}` : "";
  return (
    <>
      <div className="page-head">
        <h1>Estadísticas de la plataforma</h1>
        {report ? <p className="muted" data-testid="stats-period">Del {formatIsoDay(report.period.from)} al {formatIsoDay(report.period.to)} ({report.period.days} días, hora de Buenos Aires). Disponibilidad: {report.uptime.days} días hasta el {formatIsoDay(report.period.to)}.</p> : null}
      </div>
      <section className={`card ${filters.filters}`} aria-label="Período">
        <ul className={filters.presets}>
          {presets.map((p) => (
            <li key={p.label}><Link href={`/operador/estadisticas?desde=${p.from}&hasta=${p.to}`} aria-current={report?.period.from === p.from && report.period.to === p.to ? "true" : undefined}>{p.label}</Link></li>
          ))}
        </ul>
        <form className={filters.custom} method="get" action="/operador/estadisticas">
          <label>Desde<input name="desde" inputMode="numeric" placeholder="dd/mm/aaaa" maxLength={10} defaultValue={typed.desde || (report ? formatIsoDay(report.period.from) : "")} /></label>
          <label>Hasta<input name="hasta" inputMode="numeric" placeholder="dd/mm/aaaa" maxLength={10} defaultValue={typed.hasta || (report ? formatIsoDay(report.period.to) : "")} /></label>
          <button type="submit" className="secondary">Ver período</button>
        </form>
        {problem ? <p className="error" role="alert">{problem}</p> : null}
      </section>
      {report ? (
        <>
          <section className={`card ${styles.actions}`} aria-label="Exportar">
            <CopyMarkdownButton markdown={renderStatsMarkdown(report)} />
            <a href={`/operador/estadisticas/json?${period}`} download={`campotech-estadisticas-${report.period.from}-${report.period.to}.json`}>Descargar JSON</a>
          </section>
          <div className={styles.tables}>
            {statsTables(report).map((table) => (
              <section key={table.id} className="card" aria-labelledby={`t-${table.id}`} data-testid={`stats-${table.id}`}>
                <h2 id={`t-${table.id}`}>{table.title}</h2>
                <div className={styles.scroll}>
                  <table>
                    <thead><tr>{table.headers.map((h) => <th key={h} scope="col">{h}</th>)}</tr></thead>
                    <tbody>
                      {table.rows.length === 0 ? <tr><td colSpan={table.headers.length} className="empty">Sin datos en este período.</td></tr> : null}
                      {table.rows.map((row, i) => <tr key={i}>{row.map((cell, j) => (j === 0 ? <th key={j} scope="row">{cell}</th> : <td key={j}><Cell text={cell} /></td>))}</tr>)}
                    </tbody>
                  </table>
                </div>
              </section>
            ))}
          </div>
          <p className="muted">Los precios por mensaje son valores de referencia cargados el {PROVIDER_COSTS_CHECKED_ON}: revisalos en las páginas de precios de cada proveedor antes de usarlos (src/modules/platform-stats/provider-costs.ts).</p>
        </>
      ) : null}
    </>
  );
}
