"use client";

import { useEffect, useId, useState } from "react";
import { callJobsApi } from "@/lib/panel/jobs/jobs-api";
import { addDaysIso, baDateOf, baDayStart, formatDay, formatLongDay, formatTime, upperFirst } from "@/lib/panel/jobs/jobs-format";
import styles from "./job-slot-picker.module.css";

export type PickedSlot = { technicianId: string; technicianName: string; start: string; end: string };
type Availability = { technicians: { technicianId: string; name: string; slots: { start: string; end: string }[] }[] };

const DURATIONS = [
  { minutes: 60, label: "1 hora" },
  { minutes: 120, label: "2 horas" },
  { minutes: 180, label: "3 horas" },
];

// Free slots from GET /api/availability for a week from the chosen day, grouped by day and technician. Picking
// one sets both the window and the technician, which is what scheduling needs.
export function JobSlotPicker({ technicianId, value, onChange }: { technicianId?: string; value: PickedSlot | null; onChange: (slot: PickedSlot | null) => void }) {
  const id = useId();
  const [from, setFrom] = useState(() => baDateOf(new Date()));
  const [minutes, setMinutes] = useState(60);
  const [state, setState] = useState<{ loading: boolean; error: string | null; data: Availability | null }>({ loading: true, error: null, data: null });
  const [day, setDay] = useState<string | null>(null);

  useEffect(() => {
    let active = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    const query = new URLSearchParams({ from: baDayStart(from).toISOString(), days: "7", slotMinutes: String(minutes) });
    if (technicianId) query.set("technicianId", technicianId);
    void callJobsApi<Availability>(`/api/availability?${query}`).then((result) => {
      if (!active) return;
      setState(result.ok ? { loading: false, error: null, data: result.data } : { loading: false, error: result.message, data: null });
      setDay(null);
    });
    return () => {
      active = false;
    };
  }, [from, minutes, technicianId]);

  const technicians = state.data?.technicians ?? [];
  const days = [...new Set(technicians.flatMap((t) => t.slots.map((s) => baDateOf(s.start))))].sort();
  const shownDay = day && days.includes(day) ? day : days[0] ?? null;

  return (
    <fieldset className={styles.picker}>
      <legend>Elegí un turno libre</legend>
      <div className={styles.controls}>
        <label>
          Desde el día
          <input type="date" value={from} min={baDateOf(new Date())} onChange={(e) => e.target.value && setFrom(e.target.value)} />
        </label>
        <label>
          Duración
          <select value={minutes} onChange={(e) => setMinutes(Number(e.target.value))}>
            {DURATIONS.map((d) => (
              <option key={d.minutes} value={d.minutes}>{d.label}</option>
            ))}
          </select>
        </label>
        <div className={styles.step}>
          <button type="button" className="secondary" onClick={() => setFrom(addDaysIso(from, 7))}>Semana siguiente</button>
        </div>
      </div>
      {state.loading ? <p className="muted" role="status">Buscando turnos libres…</p> : null}
      {state.error ? <p className="error" role="alert">{state.error}</p> : null}
      {!state.loading && !state.error && !days.length ? (
        <p className="empty">No hay turnos libres en esa semana{technicianId ? " para ese técnico" : ""}. Probá con la semana siguiente o con otra duración.</p>
      ) : null}
      {days.length && shownDay ? (
        <>
          <div className={styles.days} role="group" aria-label="Día">
            {days.map((d) => (
              <button key={d} type="button" className={d === shownDay ? undefined : "secondary"} aria-pressed={d === shownDay} aria-label={formatLongDay(baDayStart(d))} onClick={() => setDay(d)}>
                {upperFirst(formatDay(baDayStart(d)))}
              </button>
            ))}
          </div>
          {technicians.map((t) => {
            const slots = t.slots.filter((s) => baDateOf(s.start) === shownDay);
            return (
              <div key={t.technicianId} className={styles.tech} role="radiogroup" aria-labelledby={`${id}-${t.technicianId}`}>
                <h4 id={`${id}-${t.technicianId}`}>{t.name}</h4>
                {slots.length ? (
                  <div className={styles.slots}>
                    {slots.map((s) => {
                      const checked = value?.technicianId === t.technicianId && value.start === s.start;
                      return (
                        <button
                          key={s.start}
                          type="button"
                          role="radio"
                          aria-checked={checked}
                          className={checked ? styles.slotOn : `secondary ${styles.slot}`}
                          onClick={() => onChange(checked ? null : { technicianId: t.technicianId, technicianName: t.name, start: s.start, end: s.end })}
                        >
                          {formatTime(s.start)}–{formatTime(s.end)}
                        </button>
                      );
                    })}
                  </div>
                ) : (
                  <p className="muted">Sin turnos libres ese día.</p>
                )}
              </div>
            );
          })}
        </>
      ) : null}
      <p className="muted" aria-live="polite">
        {value ? `Elegiste ${formatLongDay(value.start)}, de ${formatTime(value.start)} a ${formatTime(value.end)} con ${value.technicianName}.` : "Todavía no elegiste un turno."}
      </p>
    </fieldset>
  );
}
