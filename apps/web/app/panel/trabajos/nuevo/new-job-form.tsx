"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { JobSlotPicker, type PickedSlot } from "@/components/jobs/job-slot-picker";
import { callJobsApi, describeFailure } from "@/lib/panel/jobs/jobs-api";
import { SERVICE_LABEL, SERVICE_TYPES, URGENCIES, URGENCY_LABEL } from "@/lib/panel/jobs/jobs-format";
import styles from "../job-form.module.css";

// phone is already formatted for people by the page (no phone library in the browser bundle).
type Customer = { id: string; name: string; phone: string | null; address: string };

export function NewJobForm({ customers, technicians, initialCustomerId }: { customers: Customer[]; technicians: { id: string; name: string }[]; initialCustomerId?: string }) {
  const router = useRouter();
  const [customerId, setCustomerId] = useState(initialCustomerId ?? "");
  const [address, setAddress] = useState(() => customers.find((c) => c.id === initialCustomerId)?.address ?? "");
  const [serviceType, setServiceType] = useState("GENERAL");
  const [description, setDescription] = useState("");
  const [urgency, setUrgency] = useState("NORMAL");
  const [technicianId, setTechnicianId] = useState("");
  const [scheduleNow, setScheduleNow] = useState(false);
  const [slot, setSlot] = useState<PickedSlot | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; fields?: Record<string, string>; jobId?: string } | null>(null);

  function pickCustomer(id: string) {
    setCustomerId(id);
    // Prefill the customer's address, unless the person already typed a different one.
    const previous = customers.find((c) => c.id === customerId)?.address ?? "";
    if (!address || address === previous) setAddress(customers.find((c) => c.id === id)?.address ?? "");
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!customerId) return setError({ message: "Elegí el cliente.", fields: { customerId: "Elegí el cliente." } });
    if (scheduleNow && !slot) return setError({ message: "Elegí un turno libre o destildá «Agendar ahora»." });
    setBusy(true);
    setError(null);
    const created = await callJobsApi<{ id: string }>("/api/jobs", {
      method: "POST",
      body: { customerId, address, serviceType, description, urgency, technicianId: (scheduleNow ? slot?.technicianId : technicianId) || null },
    });
    if (!created.ok) {
      setBusy(false);
      return setError({ message: describeFailure(created), fields: created.fields });
    }
    if (scheduleNow && slot) {
      const scheduled = await callJobsApi(`/api/jobs/${created.data.id}/transition`, {
        method: "POST",
        body: { to: "scheduled", technicianId: slot.technicianId, scheduledStart: slot.start, scheduledEnd: slot.end },
      });
      if (!scheduled.ok) {
        setBusy(false);
        return setError({ message: `El trabajo se cargó, pero no pudimos agendarlo: ${describeFailure(scheduled)}`, jobId: created.data.id });
      }
    }
    router.push(`/panel/trabajos/${created.data.id}`);
    router.refresh();
  }

  return (
    <form className={`card form ${styles.form}`} onSubmit={submit} noValidate aria-describedby={error ? "new-job-error" : undefined}>
      <div className={styles.row}>
        <label>
          Cliente
          <select value={customerId} onChange={(e) => pickCustomer(e.target.value)} required aria-invalid={Boolean(error?.fields?.customerId)}>
            <option value="">Elegí un cliente…</option>
            {customers.map((c) => (
              <option key={c.id} value={c.id}>{c.name}{c.phone ? ` · ${c.phone}` : ""}</option>
            ))}
          </select>
        </label>
        <label>
          Servicio
          <select value={serviceType} onChange={(e) => setServiceType(e.target.value)}>
            {SERVICE_TYPES.map((s) => (
              <option key={s} value={s}>{SERVICE_LABEL[s]}</option>
            ))}
          </select>
        </label>
      </div>
      <label>
        Dirección
        <input value={address} onChange={(e) => setAddress(e.target.value)} required maxLength={300} autoComplete="street-address" aria-invalid={Boolean(error?.fields?.address)} />
      </label>
      <label>
        Descripción
        <textarea value={description} onChange={(e) => setDescription(e.target.value)} required maxLength={4000} rows={3} placeholder="Qué pasa, qué hay que llevar, cómo se entra…" aria-invalid={Boolean(error?.fields?.description)} />
      </label>
      <div className={styles.row}>
        <fieldset className={styles.radios}>
          <legend>Urgencia</legend>
          {URGENCIES.map((u) => (
            <label key={u} className={styles.radio}>
              <input type="radio" name="urgency" value={u} checked={urgency === u} onChange={() => setUrgency(u)} />
              {URGENCY_LABEL[u]}
            </label>
          ))}
        </fieldset>
        {scheduleNow ? null : (
          <label>
            Técnico (opcional)
            <select value={technicianId} onChange={(e) => setTechnicianId(e.target.value)}>
              <option value="">Sin asignar</option>
              {technicians.map((t) => (
                <option key={t.id} value={t.id}>{t.name}</option>
              ))}
            </select>
          </label>
        )}
      </div>
      <label className={styles.check}>
        <input type="checkbox" checked={scheduleNow} onChange={(e) => { setScheduleNow(e.target.checked); setSlot(null); }} />
        Agendar ahora
      </label>
      {scheduleNow ? <JobSlotPicker technicianId={technicianId || undefined} value={slot} onChange={setSlot} /> : null}
      {error ? (
        <p id="new-job-error" className="error" role="alert">
          {error.message} {error.jobId ? <a href={`/panel/trabajos/${error.jobId}`}>Abrir el trabajo</a> : null}
        </p>
      ) : null}
      <div className={styles.actions}>
        <button type="submit" disabled={busy}>{busy ? "Guardando…" : scheduleNow ? "Crear y agendar" : "Crear trabajo"}</button>
      </div>
    </form>
  );
}
