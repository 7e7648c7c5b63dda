"use client";

import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { callJobsApi, describeFailure } from "@/lib/panel/jobs/jobs-api";
import styles from "./customer-privacy.module.css";

// issue 20 (retention): the customer's rights under Ley 25.326, for the owner. Export downloads everything held about
// them (JSON, or a page to print); erasure anonymises them after the owner types their name or ELIMINAR. Invoices
// and the audit trail stay (the law requires them); the API refuses, with the reason, while a job or invoice is open.
export function CustomerPrivacy({ customerId, name, erasedAt }: { customerId: string; name: string; erasedAt: string | null }) {
  const router = useRouter();
  const inputId = useId();
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState("");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const exportUrl = `/api/customers/${customerId}/data-export`;
  const matches = typed.trim() === "ELIMINAR" || typed.trim().toLocaleLowerCase("es-AR") === name.trim().toLocaleLowerCase("es-AR");

  async function erase(event: FormEvent) {
    event.preventDefault();
    if (!matches) return;
    setBusy(true);
    setMessage(null);
    const result = await callJobsApi<{ invoicesKept: number }>(`/api/customers/${customerId}/erase`, { method: "POST", body: { confirm: "ELIMINAR" } });
    setBusy(false);
    if (!result.ok) return setMessage({ error: true, text: describeFailure(result) });
    setConfirming(false);
    setMessage({ error: false, text: `Datos personales eliminados. ${result.data.invoicesKept ? "Las facturas se conservan como se emitieron (obligación legal)." : ""}`.trim() });
    router.refresh();
  }

  return (
    <div className="form">
      <div className={styles.actions}>
        <a className={styles.link} href={`${exportUrl}?formato=json`} download>Exportar datos</a>
        <a className={styles.link} href={`${exportUrl}?formato=html`} target="_blank" rel="noopener">Ver para imprimir</a>
        {erasedAt || confirming ? null : (
          <button type="button" className="danger" onClick={() => setConfirming(true)}>Eliminar datos personales</button>
        )}
      </div>
      {erasedAt ? <p className="muted">Los datos personales de este cliente se eliminaron el {erasedAt}.</p> : null}
      {confirming ? (
        <form className={`form ${styles.confirm}`} role="dialog" aria-labelledby={`${inputId}-title`} onSubmit={erase}>
          <p id={`${inputId}-title`}>
            <strong>Esto no se puede deshacer.</strong> Se borran nombre, teléfono, email, direcciones, notas, los mensajes y sus adjuntos, y los
            recorridos de sus trabajos. Las facturas emitidas y el registro de auditoría se conservan, como pide la ley.
          </p>
          <label htmlFor={inputId}>Para confirmar, escribí el nombre del cliente ({name}) o ELIMINAR</label>
          <input id={inputId} value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
          <div className={styles.actions}>
            <button type="submit" className="danger" disabled={!matches || busy}>{busy ? "Eliminando…" : "Sí, eliminar sus datos"}</button>
            <button type="button" className="link" onClick={() => { setConfirming(false); setTyped(""); }}>Cancelar</button>
          </div>
        </form>
      ) : null}
      {message ? <p className={message.error ? "error" : "muted"} role={message.error ? "alert" : "status"}>{message.text}</p> : null}
    </div>
  );
}
