"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { sendJson } from "@/components/settings/send-json";
import styles from "./whatsapp.module.css";

export type PanicItem = { id: string; channel: string; integration: string; reason: string; since: string; autoResolve: string | null };

// One active panic mode: what stopped, why and since when, and "Resolver" with a short note for the audit log.
// Messages held while it was active go out once it is resolved.
export function ActivePanic({ panic, canResolve }: { panic: PanicItem; canResolve: boolean }) {
  const router = useRouter();
  const noteId = useId();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [released, setReleased] = useState<number | null>(null);

  async function resolve(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await sendJson<{ panicId: string; released: number }>(`/api/whatsapp/panic/${panic.id}/resolve`, "POST", { resolution: note.trim() });
    setBusy(false);
    if (!result.ok) {
      setError(result.error.fields.resolution ?? result.error.message);
      return;
    }
    setReleased(result.data.released);
    router.refresh();
  }

  return (
    <li className={styles.panic} data-testid="panic-active">
      <div className="stack">
        <p className={styles.panicTitle}><span className="pill emergency">Envíos frenados</span> <strong>{panic.channel}</strong> <span className="muted">({panic.integration})</span></p>
        <p>Motivo: {panic.reason}</p>
        <p className="muted">Desde {panic.since}{panic.autoResolve ? ` · se vuelve a probar solo a las ${panic.autoResolve}` : ""}</p>
        {released !== null ? <p role="status">Resuelto: salen {released} mensajes retenidos.</p> : null}
      </div>
      {canResolve && !open ? <button type="button" onClick={() => setOpen(true)}>Resolver</button> : null}
      {canResolve && open ? (
        <form className="form" onSubmit={resolve}>
          <label htmlFor={noteId}>Nota de resolución</label>
          <input
            id={noteId}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            required
            maxLength={500}
            placeholder="Ej.: Meta desbloqueó la cuenta"
            aria-describedby={`${noteId}-hint`}
            aria-invalid={error ? true : undefined}
          />
          <span id={`${noteId}-hint`} className="muted">Qué se hizo para arreglarlo. Queda en el historial.</span>
          <div className="row">
            <button type="submit" disabled={busy || !note.trim()}>{busy ? "Resolviendo…" : "Confirmar resolución"}</button>
            <button type="button" className="secondary" onClick={() => { setOpen(false); setError(null); }}>Cancelar</button>
          </div>
          {error ? <p className="error" role="alert">{error}</p> : null}
        </form>
      ) : null}
    </li>
  );
}
