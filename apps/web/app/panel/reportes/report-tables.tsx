import type { Report } from "@campotech/core/modules/reports";
import { formatMoney } from "@/components/invoices/invoice-format";
import { formatBucket, formatDuration, JOB_STATUS_ORDER } from "@/components/reports/report-format";
import styles from "@/components/reports/reports.module.css";
import { JOB_STATUS_LABEL } from "@/lib/panel/jobs/jobs-format";

// The figures behind each chart, as tables: what a screen reader reads and what someone copies into a spreadsheet.
export function JobsTable({ rows }: { rows: Report["jobsByTechnician"] }) {
  const statuses = JOB_STATUS_ORDER.filter((s) => rows.some((r) => r.byStatus[s]));
  return (
    <div className={styles.tableWrap}>
      <table data-testid="jobs-table">
        <caption className="sr-only">Trabajos por técnico y estado</caption>
        <thead><tr><th scope="col">Técnico</th>{statuses.map((s) => <th key={s} scope="col" className={styles.num}>{JOB_STATUS_LABEL[s]}</th>)}<th scope="col" className={styles.num}>Total</th></tr></thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.technicianId ?? "none"}>
              <th scope="row">{r.technicianName ?? "Sin asignar"}</th>
              {statuses.map((s) => <td key={s} className={styles.num}>{r.byStatus[s] ?? 0}</td>)}
              <td className={styles.num}>{r.total}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function RevenueTable({ revenue }: { revenue: Report["revenue"] }) {
  const rows = revenue.points.filter((p) => p.quotesCents !== 0 || p.invoicesCents !== 0);
  return (
    <div className={styles.tableWrap}>
      <table data-testid="revenue-table">
        <caption className="sr-only">Presupuestado y facturado por {revenue.granularity === "day" ? "día" : "semana"}</caption>
        <thead><tr><th scope="col">{revenue.granularity === "day" ? "Día" : "Semana del"}</th><th scope="col" className={styles.num}>Presupuestado</th><th scope="col" className={styles.num}>Facturado</th></tr></thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.bucket}><th scope="row">{formatBucket(p.bucket, revenue.granularity).replace("sem. ", "")}</th><td className={styles.num}>{formatMoney(p.quotesCents)}</td><td className={styles.num}>{formatMoney(p.invoicesCents)}</td></tr>
          ))}
        </tbody>
        <tfoot><tr><th scope="row">Total</th><td className={styles.num}>{formatMoney(revenue.quotesCents)}</td><td className={styles.num}>{formatMoney(revenue.invoicesCents)}</td></tr></tfoot>
      </table>
    </div>
  );
}

const dash = (seconds: number | null) => (seconds === null ? "—" : formatDuration(seconds));

export function ResponseTable({ firstResponse }: { firstResponse: Report["firstResponse"] }) {
  const rows = [["Asistente", firstResponse.assistant], ["Personas", firstResponse.person], ["Todas", firstResponse.all]] as const;
  return (
    <div className={styles.tableWrap}>
      <table data-testid="response-table">
        <caption className="sr-only">Tiempo hasta la primera respuesta</caption>
        <thead><tr><th scope="col">Respondió</th><th scope="col" className={styles.num}>Resp.</th><th scope="col" className={styles.num}>Mediana</th><th scope="col" className={styles.num}>90 %</th></tr></thead>
        <tbody>
          {rows.map(([label, t]) => (
            <tr key={label}><th scope="row">{label}</th><td className={styles.num}>{t.answered}</td><td className={styles.num}>{dash(t.medianSeconds)}</td><td className={styles.num}>{dash(t.p90Seconds)}</td></tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
