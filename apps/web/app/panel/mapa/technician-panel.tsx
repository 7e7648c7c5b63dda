"use client";

import Link from "next/link";
import { TECHNICIAN_MAP_STATE_LABELS, type TechnicianRouteView } from "@campotech/core/contracts/tracking";
import { ago, etaShort, formatDistance, TECHNICIAN_STATE_COLOR } from "@/components/tracking/tracking-format";
import { formatClockAr } from "@campotech/core/lib/clock-format";
import type { MapJob, MapTechnician } from "./dispatch-map";
import { VehicleForm } from "./vehicle-form";
import styles from "./mapa.module.css";

// A technician picked on the map or in the list: state, last position, where they are headed, and the next job.
// The day's route is drawn on the map by the parent.
export function TechnicianPanel({ technician: t, route, jobs, canWrite, onClose, onSelectJob, onChanged }: {
  technician: MapTechnician; route: TechnicianRouteView | null; jobs: MapJob[]; canWrite: boolean; onClose: () => void; onSelectJob: (id: string) => void; onChanged: () => void;
}) {
  const active = t.activeJobId ? jobs.find((j) => j.id === t.activeJobId) : null;
  const next = route?.nextJob ?? null;
  return (
    <section className={`card ${styles.detail}`} aria-labelledby="tech-detail-title" data-testid="technician-panel">
      <div className={styles.detailHead}>
        <h2 id="tech-detail-title">{t.name}</h2>
        <button type="button" className="link" onClick={onClose}>Cerrar</button>
      </div>
      <p>
        <span className={styles.statePill} style={{ background: TECHNICIAN_STATE_COLOR[t.state] }}>{TECHNICIAN_MAP_STATE_LABELS[t.state]}</span>{" "}
        {t.position ? <>Última ubicación {ago(t.position.recordedAt)} ({formatClockAr(t.position.recordedAt)} h)</> : "Sin ubicación reciente"}
      </p>
      {canWrite ? (
        <VehicleForm key={t.id} technicianId={t.id} vehicle={t.vehicle} plate={t.plate} onSaved={onChanged} />
      ) : t.vehicle || t.plate ? (
        <p data-testid="technician-vehicle">{[t.vehicle, t.plate].filter(Boolean).join(" · ")}</p>
      ) : null}
      {active ? (
        <p>
          {t.state === "trabajando" ? "Trabajando en " : "Va al "}
          <button type="button" className="link" onClick={() => onSelectJob(active.id)}>trabajo #{active.number}</button>
          {t.eta ? <> · llega {etaShort(t.eta)} ({formatDistance(t.eta.distanceMeters)})</> : null}
        </p>
      ) : null}
      <h3 className={styles.detailSub}>Próximo trabajo</h3>
      {!route ? (
        <p className="muted">Cargando el recorrido…</p>
      ) : next ? (
        <p data-testid="next-job">
          <Link href={`/panel/trabajos/${next.id}`}>Trabajo #{next.number}</Link>
          {next.scheduledStart ? ` · ${formatClockAr(next.scheduledStart)} h` : ""} · {next.address}
        </p>
      ) : (
        <p className="muted">No tiene más trabajos este día.</p>
      )}
      <p className="muted" data-testid="route-summary">
        {route ? (route.points.length > 1 ? `Recorrido del día en el mapa (${route.points.length} puntos).` : "Todavía no hay recorrido este día.") : null}
      </p>
    </section>
  );
}
