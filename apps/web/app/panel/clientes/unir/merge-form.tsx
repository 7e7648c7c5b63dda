"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { CustomerHoldings } from "@campotech/core/modules/customers";
import { callJobsApi, describeFailure } from "@/lib/panel/jobs/jobs-api";
import styles from "../customers.module.css";

export type MergeSide = { id: string; name: string; phone: string | null; email: string | null; address: string | null; tags: string[]; holdings: CustomerHoldings };

const LABELS: [keyof CustomerHoldings, string, string][] = [
  ["conversations", "conversación", "conversaciones"],
  ["messages", "mensaje", "mensajes"],
  ["jobs", "trabajo", "trabajos"],
  ["leads", "oportunidad", "oportunidades"],
  ["invoices", "factura", "facturas"],
  ["paymentLinks", "link de pago", "links de pago"],
  ["payments", "pago", "pagos"],
  ["addresses", "dirección", "direcciones"],
];

function describeHoldings(h: CustomerHoldings): string[] {
  return LABELS.filter(([key]) => h[key] > 0).map(([key, one, many]) => `${h[key]} ${h[key] === 1 ? one : many}`);
}

export function MergeForm({ sides }: { sides: [MergeSide, MergeSide] }) {
  const router = useRouter();
  const [survivorId, setSurvivorId] = useState(sides[0].id);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const survivor = sides.find((s) => s.id === survivorId)!;
  const duplicate = sides.find((s) => s.id !== survivorId)!;
  const moving = describeHoldings(duplicate.holdings);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await callJobsApi<{ survivor: { id: string } }>(`/api/customers/${survivor.id}/merge`, { method: "POST", body: { duplicateId: duplicate.id } });
    if (!result.ok) {
      setBusy(false);
      return setError(describeFailure(result));
    }
    router.push(`/panel/clientes/${result.data.survivor.id}?unido=1`);
    router.refresh();
  }

  return (
    <form onSubmit={submit}>
      <fieldset className={styles.mergeGrid} style={{ border: "none", padding: 0, margin: "0 0 1rem" }}>
        <legend className={styles.srOnly}>¿Cuál cliente queda?</legend>
        {sides.map((side) => {
          const owns = describeHoldings(side.holdings);
          return (
            <label key={side.id} className={`card ${styles.choice}`}>
              <input type="radio" name="survivor" value={side.id} checked={side.id === survivorId} onChange={() => setSurvivorId(side.id)} />
              <h2>{side.name}</h2>
              <span className="muted"> {side.id === survivorId ? "· queda" : "· se une al otro"}</span>
              <dl className="muted" style={{ margin: "0.5rem 0 0" }}>
                <div>Teléfono: {side.phone ?? "solo WhatsApp"}</div>
                <div>Email: {side.email ?? "—"}</div>
                <div>Dirección: {side.address ?? "—"}</div>
                <div>Etiquetas: {side.tags.length ? side.tags.join(", ") : "—"}</div>
                <div>Tiene: {owns.length ? owns.join(", ") : "nada todavía"}</div>
              </dl>
            </label>
          );
        })}
      </fieldset>
      <section className="card" aria-labelledby="que-pasa">
        <h2 id="que-pasa" style={{ margin: 0, fontSize: "1.1rem" }}>Qué pasa a «{survivor.name}»</h2>
        {moving.length ? (
          <ul className={styles.moves} data-testid="merge-moves">
            {moving.map((m) => <li key={m}>{m}</li>)}
          </ul>
        ) : (
          <p className="muted">«{duplicate.name}» no tiene conversaciones, trabajos ni pagos: solo se suman sus datos.</p>
        )}
        <div className={styles.actions} style={{ marginTop: "1rem" }}>
          <button type="submit" disabled={busy}>{busy ? "Uniendo…" : `Unir en «${survivor.name}»`}</button>
          {error ? <span className="error" role="alert">{error}</span> : null}
        </div>
      </section>
    </form>
  );
}
