"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import styles from "./inbox.module.css";

type Props = {
  conversationId: string;
  job: { id: string; number: number; technicianId: string | null; technicianName: string | null };
  technicians: { id: string; name: string }[];
  canAssign: boolean;
};

// The chat's open emergency: a link to the job and, right here, who goes. Choosing a technician assigns the job
// and the chat to that person (one request, one transaction), so both say the same name.
export function EmergencyBanner({ conversationId, job, technicians, canAssign }: Props) {
  const router = useRouter();
  const [technicianId, setTechnicianId] = useState(job.technicianId ?? "");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function assign(event: React.FormEvent) {
    event.preventDefault();
    if (!technicianId) return setError("Elegí un técnico.");
    setBusy(true);
    setError(null);
    const res = await fetch(`/api/whatsapp/conversations/${conversationId}/emergency-technician`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jobId: job.id, technicianId }),
    });
    setBusy(false);
    if (!res.ok) {
      const data = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
      return setError(data?.error?.message ?? "No se pudo asignar el técnico.");
    }
    router.refresh();
  }
  return (
    <section className={styles.emergency} role="region" aria-label="Urgencia">
      <p>
        <strong>Urgencia</strong> · <Link href={`/panel/trabajos/${job.id}`}>Trabajo #{job.number}</Link>
        {" · "}
        <span data-testid="emergency-technician">{job.technicianName ? `Técnico: ${job.technicianName}` : "Sin técnico asignado"}</span>
      </p>
      {canAssign ? (
        <form className={styles.emergencyForm} onSubmit={assign}>
          <label className="sr-only" htmlFor="emergency-technician">Técnico para la urgencia</label>
          <select id="emergency-technician" value={technicianId} onChange={(e) => setTechnicianId(e.target.value)}>
            <option value="">Elegí un técnico</option>
            {technicians.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
          </select>
          <button type="submit" disabled={busy}>{busy ? "Asignando…" : "Asignar técnico"}</button>
        </form>
      ) : null}
      {error ? <p className="error" role="alert">{error}</p> : null}
    </section>
  );
}
