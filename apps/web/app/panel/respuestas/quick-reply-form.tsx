"use client";

import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { sendJson } from "@/components/settings/send-json";

export type QuickReplyFields = { id: string; shortcut: string; title: string; body: string };

// Create (no `reply`) or edit one quick reply. The server validates; its Spanish messages show by each field (a
// shortcut already in use answers 409 with the reason).
export function QuickReplyForm({ reply, onDone }: { reply?: QuickReplyFields; onDone?: () => void }) {
  const router = useRouter();
  const id = useId();
  const [shortcut, setShortcut] = useState(reply?.shortcut ?? "");
  const [title, setTitle] = useState(reply?.title ?? "");
  const [body, setBody] = useState(reply?.body ?? "");
  const [busy, setBusy] = useState(false);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setFields({});
    setError(null);
    setDone(null);
    const input = { shortcut: shortcut.trim().replace(/^\//, ""), title, body };
    const result = reply ? await sendJson(`/api/quick-replies/${reply.id}`, "PATCH", input) : await sendJson("/api/quick-replies", "POST", input);
    setBusy(false);
    if (!result.ok) {
      setFields(result.error.fields);
      setError(result.error.message);
      return;
    }
    if (!reply) {
      setDone(`Guardamos /${input.shortcut}.`);
      setShortcut("");
      setTitle("");
      setBody("");
    }
    router.refresh();
    onDone?.();
  }

  const fieldError = (key: string) => (fields[key] ? <span id={`${id}-${key}-error`} className="error" role="alert">{fields[key]}</span> : null);
  const invalid = (key: string) => (fields[key] ? { "aria-invalid": true, "aria-describedby": `${id}-${key}-error` } : {});

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={reply ? `Editar /${reply.shortcut}` : "Nueva respuesta rápida"}>
      <div className="stack">
        <label htmlFor={`${id}-shortcut`}>Atajo</label>
        <input id={`${id}-shortcut`} value={shortcut} onChange={(e) => setShortcut(e.target.value.toLowerCase())} required autoComplete="off" maxLength={31} placeholder="horarios" {...invalid("shortcut")} />
        {fieldError("shortcut")}
      </div>
      <div className="stack">
        <label htmlFor={`${id}-title`}>Título</label>
        <input id={`${id}-title`} value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={80} {...invalid("title")} />
        {fieldError("title")}
      </div>
      <div className="stack">
        <label htmlFor={`${id}-body`}>Texto</label>
        <textarea id={`${id}-body`} rows={4} value={body} onChange={(e) => setBody(e.target.value)} required maxLength={4096} {...invalid("body")} />
        <span className="muted">Usá {"{nombre}"} para el nombre del cliente.</span>
        {fieldError("body")}
      </div>
      <div className="row">
        <button type="submit" disabled={busy}>{busy ? "Guardando…" : reply ? "Guardar cambios" : "Crear respuesta"}</button>
        {reply && onDone ? <button type="button" className="secondary" onClick={onDone}>Cancelar</button> : null}
      </div>
      {error && Object.keys(fields).length === 0 ? <p className="error" role="alert">{error}</p> : null}
      {done ? <p role="status" className="up">{done}</p> : null}
    </form>
  );
}
