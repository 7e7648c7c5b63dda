"use client";

import { useMemo, useState } from "react";
import { TECHNICIAN_MAP_STATE_LABELS, type DispatchMapView, type TechnicianRouteView } from "@campotech/core/contracts/tracking";
import { LiveMap } from "@/components/maps/live-map";
import type { MapMarker, MapPoint, MapTiles } from "@/components/maps/map-types";
import { personIcon, pinIcon } from "@/components/maps/marker-icons";
import { ago, etaShort, JOB_STATUS_COLOR, jobColor, TECHNICIAN_STATE_COLOR } from "@/components/tracking/tracking-format";
import { usePolledJson } from "@/components/tracking/use-polled-json";
import { callJobsApi, describeFailure } from "@/lib/panel/jobs/jobs-api";
import { formatTime, JOB_STATUS_LABEL } from "@/lib/panel/jobs/jobs-format";
import { JobPanel } from "./job-panel";
import { MapUpsell } from "./map-upsell";
import { TechnicianPanel } from "./technician-panel";
import styles from "./mapa.module.css";

export type MapJob = DispatchMapView["jobs"][number];
export type MapTechnician = DispatchMapView["technicians"][number];
type Selection = { kind: "technician" | "job"; id: string } | null;

// Positions arrive every 30 s from the phones; asking every 5 s shows a new one within seconds of it landing.
const POLL_SECONDS = 5;

export function DispatchMap({ day, tiles, canWrite, initialJobId }: { day: string; tiles: MapTiles; canWrite: boolean; initialJobId: string | null }) {
  const map = usePolledJson<DispatchMapView>(`/api/tracking/map?day=${day}`, POLL_SECONDS);
  const [selection, setSelection] = useState<Selection>(initialJobId ? { kind: "job", id: initialJobId } : null);
  // The job whose pin the next click on the map sets.
  const [picking, setPicking] = useState<MapJob | null>(null);
  const [notice, setNotice] = useState<{ text: string; error?: boolean } | null>(null);
  const route = usePolledJson<TechnicianRouteView>(selection?.kind === "technician" ? `/api/tracking/technicians/${encodeURIComponent(selection.id)}/route?day=${day}` : null, 15);

  const view = map.data;
  const technicians = useMemo(() => view?.technicians ?? [], [view]);
  const jobs = useMemo(() => view?.jobs ?? [], [view]);
  const selectedTech = selection?.kind === "technician" ? (technicians.find((t) => t.id === selection.id) ?? null) : null;
  const selectedJob = selection?.kind === "job" ? (jobs.find((j) => j.id === selection.id) ?? null) : null;

  const select = (next: Selection) => {
    setSelection((current) => (current && next && current.kind === next.kind && current.id === next.id ? null : next));
    setNotice(null);
  };

  const markers = useMemo<MapMarker[]>(() => {
    const list: MapMarker[] = [];
    for (const job of jobs) {
      if (!job.location) continue;
      const selected = selection?.kind === "job" && selection.id === job.id;
      list.push({
        id: `job-${job.id}`,
        position: job.location,
        label: `Trabajo #${job.number} · ${JOB_STATUS_LABEL[job.status] ?? job.status} · ${job.customerName}`,
        icon: pinIcon({ text: String(job.number), color: jobColor(job.status), selected }),
        testId: `job-marker-${job.id}`,
        state: job.status,
        zIndex: selected ? 900 : 0,
        onSelect: () => select({ kind: "job", id: job.id }),
      });
    }
    for (const tech of technicians) {
      if (!tech.position) continue;
      const selected = selection?.kind === "technician" && selection.id === tech.id;
      list.push({
        id: `tech-${tech.id}`,
        position: tech.position,
        label: `${tech.name} · ${TECHNICIAN_MAP_STATE_LABELS[tech.state]}${tech.eta ? ` · llega ${etaShort(tech.eta)}` : ""}`,
        icon: personIcon({ initial: tech.name.trim().charAt(0) || "?", color: TECHNICIAN_STATE_COLOR[tech.state], faded: tech.state === "sin_senal", selected }),
        testId: `tech-marker-${tech.id}`,
        state: tech.state,
        zIndex: selected ? 2000 : 1000,
        onSelect: () => select({ kind: "technician", id: tech.id }),
      });
    }
    return list;
  }, [jobs, technicians, selection]);

  async function setPin(point: MapPoint) {
    const job = picking;
    if (!job) return;
    setPicking(null);
    const result = await callJobsApi(`/api/jobs/${encodeURIComponent(job.id)}/location`, { method: "PUT", body: { lat: round(point.lat), lng: round(point.lng) } });
    if (!result.ok) return setNotice({ text: describeFailure(result), error: true });
    setNotice({ text: `Guardamos la ubicación del trabajo #${job.number}.` });
    setSelection({ kind: "job", id: job.id });
    map.refresh();
  }

  if (map.refused) {
    return map.refused.status === 403 ? <MapUpsell message={map.refused.message} /> : <p className="card error" role="alert">{map.refused.message}</p>;
  }

  const unlocated = jobs.filter((j) => !j.location);
  const located = jobs.filter((j) => j.location);
  // Picking a technician fits the view to their route once it arrives (later refreshes leave the view alone).
  const routePoints = selectedTech && route.data ? route.data.points : null;

  return (
    <div className={styles.layout}>
      <div className={styles.mapColumn}>
        {picking ? (
          <div className={styles.picking} role="status">
            <span>Tocá el mapa donde queda el <strong>trabajo #{picking.number}</strong> ({picking.address}).</span>
            <button type="button" className="secondary" onClick={() => setPicking(null)}>Cancelar</button>
          </div>
        ) : null}
        <div className={styles.mapArea}>
          <LiveMap tiles={tiles} markers={markers} route={routePoints} fitKey={routePoints ? `${day}:${selectedTech?.id}` : day} picking={Boolean(picking)} onMapClick={picking ? (p) => void setPin(p) : undefined} label="Mapa de técnicos y trabajos" />
        </div>
        <Legend />
        {!view ? <p className="muted" role="status">Cargando posiciones…</p> : null}
        {map.stale ? <p className="muted" role="status">No pudimos actualizar el mapa; reintentamos en unos segundos.</p> : null}
        {view ? <p className="muted" aria-live="off">Actualizado a las {formatTime(view.generatedAt)}. Se actualiza solo.</p> : null}
      </div>

      <div className={styles.side}>
        {notice ? <p className={notice.error ? "error" : styles.ok} role={notice.error ? "alert" : "status"}>{notice.text}</p> : null}
        {selectedTech ? (
          <TechnicianPanel technician={selectedTech} route={route.data} jobs={jobs} canWrite={canWrite} onClose={() => setSelection(null)} onSelectJob={(id) => select({ kind: "job", id })} onChanged={() => map.refresh()} />
        ) : null}
        {selectedJob ? (
          <JobPanel
            job={selectedJob}
            technicians={technicians}
            canWrite={canWrite}
            onClose={() => setSelection(null)}
            onPick={() => { setPicking(selectedJob); setNotice(null); }}
            onAssigned={(text) => { setNotice({ text }); map.refresh(); }}
          />
        ) : selection?.kind === "job" && view ? (
          <p className="card muted">Ese trabajo no está entre los de este día.</p>
        ) : null}

        <section className="card" aria-labelledby="tecnicos-title">
          <h2 id="tecnicos-title" className={styles.sideTitle}>Técnicos ({technicians.length})</h2>
          {view && !technicians.length ? <p className="muted">No hay técnicos activos.</p> : null}
          <ul className={styles.list}>
            {technicians.map((t) => (
              <li key={t.id}>
                <button type="button" className={styles.item} aria-pressed={selection?.kind === "technician" && selection.id === t.id} onClick={() => select({ kind: "technician", id: t.id })} data-testid={`tech-item-${t.id}`}>
                  <span className={styles.dot} style={{ background: TECHNICIAN_STATE_COLOR[t.state] }} aria-hidden="true" />
                  <span className={styles.itemMain}>
                    <strong>{t.name}</strong>
                    <span className={styles.sub}>
                      {TECHNICIAN_MAP_STATE_LABELS[t.state]}
                      {t.eta ? ` · llega ${etaShort(t.eta)}` : ""}
                      {t.position ? ` · ${ago(t.position.recordedAt)}` : " · sin ubicación"}
                    </span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>

        <section className="card" aria-labelledby="trabajos-title">
          <h2 id="trabajos-title" className={styles.sideTitle}>Trabajos del día ({located.length})</h2>
          {view && !located.length ? <p className="muted">No hay trabajos con ubicación este día.</p> : null}
          <ul className={styles.list}>
            {located.map((j) => (
              <li key={j.id}>
                <JobItem job={j} selected={selection?.kind === "job" && selection.id === j.id} onSelect={() => select({ kind: "job", id: j.id })} />
              </li>
            ))}
          </ul>
        </section>

        {unlocated.length ? (
          <section className="card" aria-labelledby="sin-ubicacion-title">
            <h2 id="sin-ubicacion-title" className={styles.sideTitle}>Sin ubicación ({unlocated.length})</h2>
            <p className="muted">No pudimos ubicar estas direcciones en el mapa.{canWrite ? " Marcá cada una a mano." : ""}</p>
            <ul className={styles.list}>
              {unlocated.map((j) => (
                <li key={j.id} className={styles.unlocated}>
                  <JobItem job={j} selected={selection?.kind === "job" && selection.id === j.id} onSelect={() => select({ kind: "job", id: j.id })} />
                  {canWrite ? (
                    <button type="button" className="secondary" onClick={() => { setPicking(j); setNotice(null); }} aria-label={`Marcar en el mapa el trabajo #${j.number}`}>
                      Marcar en el mapa
                    </button>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </div>
  );
}

// Six decimals are about 10 cm: more is noise from the click.
const round = (n: number) => Math.round(n * 1e6) / 1e6;

function JobItem({ job, selected, onSelect }: { job: MapJob; selected: boolean; onSelect: () => void }) {
  return (
    <button type="button" className={styles.item} aria-pressed={selected} onClick={onSelect} data-testid={`job-item-${job.id}`}>
      <span className={styles.square} style={{ background: jobColor(job.status) }} aria-hidden="true" />
      <span className={styles.itemMain}>
        <strong>#{job.number} · {job.customerName}</strong>
        <span className={styles.sub}>
          {job.scheduledStart ? `${formatTime(job.scheduledStart)} · ` : ""}
          {JOB_STATUS_LABEL[job.status] ?? job.status} · {job.address}
        </span>
      </span>
    </button>
  );
}

function Legend() {
  const statuses = ["pending", "scheduled", "en_camino", "working", "completed"] as const;
  return (
    <div className={styles.legend} aria-label="Referencias">
      <p>
        <span className={styles.legendTitle}>Técnicos:</span>
        {(Object.keys(TECHNICIAN_STATE_COLOR) as (keyof typeof TECHNICIAN_STATE_COLOR)[]).map((s) => (
          <span key={s} className={styles.legendItem}>
            <span className={styles.dot} style={{ background: TECHNICIAN_STATE_COLOR[s] }} aria-hidden="true" />
            {TECHNICIAN_MAP_STATE_LABELS[s]}
          </span>
        ))}
      </p>
      <p>
        <span className={styles.legendTitle}>Trabajos:</span>
        {statuses.map((s) => (
          <span key={s} className={styles.legendItem}>
            <span className={styles.square} style={{ background: JOB_STATUS_COLOR[s] }} aria-hidden="true" />
            {JOB_STATUS_LABEL[s]}
          </span>
        ))}
      </p>
    </div>
  );
}
