import Link from "next/link";
import type { JobView } from "@campotech/core/modules/jobs";
import { formatWindow, JOB_STATUS_LABEL, SERVICE_LABEL } from "@/lib/panel/jobs/jobs-format";
import { JobStatusBadge, UrgencyPill } from "@/components/jobs/job-badges";
import styles from "./jobs.module.css";

export function JobsTable({ jobs, customerNames, technicianNames }: { jobs: JobView[]; customerNames: Map<string, string>; technicianNames: Map<string, string> }) {
  return (
    <div className={`card ${styles.tableWrap}`} role="region" aria-label="Lista de trabajos" tabIndex={0}>
      <table className={styles.table}>
        <caption className={styles.srOnly}>Trabajos ({jobs.length})</caption>
        <thead>
          <tr>
            <th scope="col">N°</th>
            <th scope="col">Cliente</th>
            <th scope="col">Servicio</th>
            <th scope="col">Urgencia</th>
            <th scope="col">Estado</th>
            <th scope="col">Horario</th>
            <th scope="col">Técnico</th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((job) => (
            <tr key={job.id}>
              <td data-label="N°">
                <Link href={`/panel/trabajos/${job.id}`} aria-label={`Trabajo #${job.number}, ${JOB_STATUS_LABEL[job.status]}`}>#{job.number}</Link>
              </td>
              <td data-label="Cliente">{customerNames.get(job.customerId) ?? "—"}</td>
              <td data-label="Servicio">{SERVICE_LABEL[job.serviceType] ?? job.serviceType}</td>
              <td data-label="Urgencia"><UrgencyPill urgency={job.urgency} /></td>
              <td data-label="Estado"><JobStatusBadge status={job.status} /></td>
              <td data-label="Horario" className={styles.nowrap}>{formatWindow(job.scheduledStart, job.scheduledEnd)}</td>
              <td data-label="Técnico">
                {job.technicianId ? (technicianNames.get(job.technicianId) ?? "—") : <span className="muted">Sin asignar</span>}
                {/* issue 19 (team): the technician was deactivated with this job ahead. */}
                {job.needsReassignment ? <> <span className="pill emergency" title="El técnico asignado ya no está activo">Reasignar</span></> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
