"use client";

import Link from "next/link";
import { useState } from "react";
import { TECHNICIAN_MAP_STATE_LABELS, type NearestTechniciansView } from "@campotech/core/contracts/tracking";
import { JobStatusBadge } from "@/components/jobs/job-badges";
import { etaShort, formatDistance } from "@/components/tracking/tracking-format";
import { formatClockAr } from "@campotech/core/lib/clock-format";
import { usePolledJson } from "@/components/tracking/use-polled-json";
import { callJobsApi, describeFailure } from "@/lib/panel/jobs/jobs-api";
import { SERVICE_LABEL } from "@/lib/panel/jobs/jobs-format";
import type { MapJob, MapTechnician } from "./dispatch-map";
import styles from "./mapa.module.css";

// Only a job nobody has left for yet can change hands from the map.
const ASSIGNABLE = new Set(["pending", "scheduled"]);

// A job picked on the map or in the list: its data, its pin, and the nearest free technicians with "Asignar"
// (the job update endpoint, the same one the job page's form uses).
export function JobPanel({ job, technicians, canWrite, onClose, onPick, onAssigned }: {
  job: MapJob;
  technicians: MapTechnician[];
  canWrite: boolean;
  onClose: () => void;
  onPick: () => void;
  onAssigned: (text: string) => void;
}) {
  const assignable = canWrite && ASSIGNABLE.has(job.status);
  const nearest = usePolledJson<NearestTechniciansView>(assignable && job.location ? `/api/jobs/${encodeURIComponent(job.id)}/nearest-technicians` : null, 15);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const assigned = job.technicianId ? (technicians.find((t) => t.id === job.technicianId)?.name ?? "Otro técnico") : null;

  async function assign(technician: { id: string; name: string }) {
    setBusy(technician.id);
    setError(null);
    const result = await callJobsApi(`/api/jobs/${encodeURIComponent(job.id)}`, { method: "PATCH", body: { technicianId: technician.id } });
    setBusy(null);
    if (!result.ok) return setError(describeFailure(result));
    onAssigned(`Asignaste el trabajo #${job.number} a ${technician.name}.`);
    nearest.refresh();
  }

  return (
    <section className={`card ${styles.detail}`} aria-labelledby="job-detail-title" data-testid="job-panel">
      <div className={styles.detailHead}>
        <h2 id="job-detail-title">Trabajo #{job.number} · {SERVICE_LABEL[job.serviceType] ?? job.serviceType}</h2>
        <button type="button" className="link" onClick={onClose}>Cerrar</button>
      </div>
      <p><JobStatusBadge status={job.status} /></p>
      <dl className={styles.facts}>
        <dt>Cliente</dt>
        <dd>{job.customerName}</dd>
        <dt>Dirección</dt>
        <dd>{job.address}{job.location ? null : <span className={styles.warn}> · sin ubicación</span>}</dd>
        <dt>Horario</dt>
        <dd>{job.scheduledStart ? `${formatClockAr(job.scheduledStart)} h` : <span className="muted">Sin agendar</span>}</dd>
        <dt>Técnico</dt>
        <dd>{assigned ?? <span className="muted">Sin asignar</span>}</dd>
      </dl>
      <p className={styles.detailLinks}>
        <Link href={`/panel/trabajos/${job.id}`}>Abrir el trabajo</Link>
        {canWrite ? (
          <button type="button" className="link" onClick={onPick}>{job.location ? "Corregir la ubicación" : "Marcar en el mapa"}</button>
        ) : null}
      </p>

      {assignable ? (
        <>
          <h3 className={styles.detailSub}>Técnicos libres más cercanos</h3>
          {!job.location ? (
            <p className="muted">Marcá la ubicación del trabajo para ver quién está más cerca.</p>
          ) : nearest.refused ? (
            <p className="error">{nearest.refused.message}</p>
          ) : !nearest.data ? (
            <p className="muted" role="status">Buscando técnicos…</p>
          ) : !nearest.data.technicians.length ? (
            <p className="muted">No hay técnicos libres con ubicación reciente.</p>
          ) : (
            <ol className={styles.nearest} aria-label="Técnicos libres, del más cercano al más lejano">
              {nearest.data.technicians.map((t) => (
                <li key={t.id} data-testid={`nearest-${t.id}`}>
                  <span className={styles.itemMain}>
                    <strong>{t.name}</strong>
                    <span className={styles.sub}>
                      {formatDistance(t.distanceMeters)} · {etaShort(t.eta)}
                      {t.state !== "libre" ? ` · ${TECHNICIAN_MAP_STATE_LABELS[t.state]}` : ""}
                    </span>
                  </span>
                  {job.technicianId === t.id ? (
                    <span className={styles.ok}>Asignado</span>
                  ) : (
                    <button type="button" disabled={busy !== null} onClick={() => void assign(t)} aria-label={`Asignar a ${t.name}`}>
                      {busy === t.id ? "Asignando…" : "Asignar"}
                    </button>
                  )}
                </li>
              ))}
            </ol>
          )}
          {error ? <p className="error" role="alert">{error}</p> : null}
        </>
      ) : null}
    </section>
  );
}
