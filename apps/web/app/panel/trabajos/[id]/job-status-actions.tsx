"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { JobSlotPicker, type PickedSlot } from "@/components/jobs/job-slot-picker";
import { callJobsApi, describeFailure } from "@/lib/panel/jobs/jobs-api";
import styles from "./detail.module.css";

type Props = { jobId: string; status: string; office: boolean; technicianId: string | null; isMine: boolean };

// The field steps a technician may take on their own job; the office also schedules, reschedules and cancels.
const FORWARD: Record<string, { to: string; label: string } | undefined> = {
  scheduled: { to: "en_camino", label: "Marcar en camino" },
  en_camino: { to: "working", label: "Empezar el trabajo" },
  working: { to: "completed", label: "Terminar el trabajo" },
};

export function JobStatusActions({ jobId, status, office, technicianId, isMine }: Props) {
  const router = useRouter();
  const [mode, setMode] = useState<"idle" | "schedule" | "cancel">("idle");
  const [slot, setSlot] = useState<PickedSlot | null>(null);
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function transition(body: Record<string, unknown>) {
    setBusy(true);
    setError(null);
    const result = await callJobsApi(`/api/jobs/${jobId}/transition`, { method: "POST", body });
    setBusy(false);
    if (!result.ok) return setError(describeFailure(result));
    setMode("idle");
    setSlot(null);
    setNote("");
    router.refresh();
  }

  if (status === "completed" || status === "cancelled") {
    return <p className="muted">El trabajo está {status === "completed" ? "terminado" : "cancelado"}: ya no cambia de estado.</p>;
  }
  const forward = FORWARD[status];
  const canForward = Boolean(forward) && (office || isMine);
  const canSchedule = office && (status === "pending" || status === "scheduled");

  return (
    <div>
      <div className={styles.actions}>
        {canSchedule ? (
          <button type="button" className={status === "pending" ? undefined : "secondary"} aria-expanded={mode === "schedule"} onClick={() => setMode(mode === "schedule" ? "idle" : "schedule")}>
            {status === "pending" ? "Agendar" : "Reprogramar"}
          </button>
        ) : null}
        {canForward && forward ? (
          <button type="button" disabled={busy} onClick={() => transition({ to: forward.to })}>{forward.label}</button>
        ) : null}
        {office ? (
          <button type="button" className="secondary" aria-expanded={mode === "cancel"} onClick={() => setMode(mode === "cancel" ? "idle" : "cancel")}>
            Cancelar trabajo
          </button>
        ) : null}
        {!canSchedule && !canForward && !office ? <p className="muted">Solo quien coordina puede cambiar el estado de este trabajo.</p> : null}
      </div>

      {mode === "schedule" ? (
        <div className={styles.stack}>
          <JobSlotPicker technicianId={status === "scheduled" ? undefined : technicianId ?? undefined} value={slot} onChange={setSlot} />
          <button
            type="button"
            disabled={busy || !slot}
            onClick={() => slot && transition({ to: "scheduled", technicianId: slot.technicianId, scheduledStart: slot.start, scheduledEnd: slot.end })}
          >
            {busy ? "Agendando…" : "Confirmar turno"}
          </button>
        </div>
      ) : null}

      {mode === "cancel" ? (
        <div className={styles.confirm} role="group" aria-labelledby="cancel-title">
          <p id="cancel-title"><strong>¿Cancelar el trabajo?</strong> Se libera el turno del técnico y no se puede deshacer.</p>
          <label>
            Motivo (opcional)
            <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} placeholder="Ej.: el cliente lo resolvió por su cuenta" />
          </label>
          <div className={styles.actions}>
            <button type="button" className="danger" disabled={busy} onClick={() => transition({ to: "cancelled", ...(note.trim() ? { note: note.trim() } : {}) })}>
              Sí, cancelar
            </button>
            <button type="button" className="secondary" onClick={() => setMode("idle")}>No, volver</button>
          </div>
        </div>
      ) : null}

      {error ? <p className="error" role="alert">{error}</p> : null}
    </div>
  );
}
