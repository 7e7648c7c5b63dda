"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { callJobsApi, describeFailure } from "@/lib/panel/jobs/jobs-api";
import { fromBaLocalInput, toBaLocalInput, URGENCIES, URGENCY_LABEL } from "@/lib/panel/jobs/jobs-format";
import formStyles from "../job-form.module.css";

type Job = { id: string; address: string; description: string; urgency: string; technicianId: string | null; scheduledStart: string | null; scheduledEnd: string | null; status: string };

// Sends only what changed, so an untouched window doesn't re-notify the customer.
export function JobEditForm({ job, technicians }: { job: Job; technicians: { id: string; name: string }[] }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState(() => ({
    address: job.address, description: job.description, urgency: job.urgency, technicianId: job.technicianId ?? "",
    start: toBaLocalInput(job.scheduledStart), end: toBaLocalInput(job.scheduledEnd),
  }));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const changes: Record<string, unknown> = {};
    if (form.address.trim() !== job.address) changes.address = form.address;
    if (form.description.trim() !== job.description) changes.description = form.description;
    if (form.urgency !== job.urgency) changes.urgency = form.urgency;
    if ((form.technicianId || null) !== job.technicianId) changes.technicianId = form.technicianId || null;
    if (form.start !== toBaLocalInput(job.scheduledStart)) changes.scheduledStart = fromBaLocalInput(form.start);
    if (form.end !== toBaLocalInput(job.scheduledEnd)) changes.scheduledEnd = fromBaLocalInput(form.end);
    if (!Object.keys(changes).length) return setOpen(false);
    setBusy(true);
    setError(null);
    const result = await callJobsApi(`/api/jobs/${job.id}`, { method: "PATCH", body: changes });
    setBusy(false);
    if (!result.ok) return setError(describeFailure(result));
    setOpen(false);
    router.refresh();
  }

  if (!open) {
    return <button type="button" className="secondary" onClick={() => setOpen(true)}>Editar datos</button>;
  }
  return (
    <form className="form" onSubmit={submit} aria-label="Editar datos del trabajo">
      <label>
        Dirección
        <input value={form.address} onChange={set("address")} required maxLength={300} />
      </label>
      <label>
        Descripción
        <textarea value={form.description} onChange={set("description")} required maxLength={4000} rows={3} />
      </label>
      <div className={formStyles.row}>
        <label>
          Urgencia
          <select value={form.urgency} onChange={set("urgency")}>
            {URGENCIES.map((u) => (
              <option key={u} value={u}>{URGENCY_LABEL[u]}</option>
            ))}
          </select>
        </label>
        <label>
          Técnico
          <select value={form.technicianId} onChange={set("technicianId")}>
            {job.status === "pending" ? <option value="">Sin asignar</option> : null}
            {technicians.map((t) => (
              <option key={t.id} value={t.id}>{t.name}</option>
            ))}
          </select>
        </label>
      </div>
      {job.status === "pending" ? null : (
        <div className={formStyles.row}>
          <label>
            Desde (hora de Buenos Aires)
            <input type="datetime-local" value={form.start} onChange={set("start")} />
          </label>
          <label>
            Hasta
            <input type="datetime-local" value={form.end} onChange={set("end")} />
          </label>
        </div>
      )}
      {error ? <p className="error" role="alert">{error}</p> : null}
      <div className={formStyles.actions}>
        <button type="submit" disabled={busy}>{busy ? "Guardando…" : "Guardar cambios"}</button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>Descartar</button>
      </div>
    </form>
  );
}
