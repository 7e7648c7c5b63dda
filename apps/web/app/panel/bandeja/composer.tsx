"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState, type FormEvent } from "react";
import styles from "./inbox.module.css";

export type TemplateOption = { name: string; language: string; body: string; category: string };

const QUICK_REPLIES = [
  "¡Hola! Gracias por escribirnos. ¿En qué te podemos ayudar?",
  "Ya lo estamos viendo, te respondemos en unos minutos.",
  "¿Nos pasás la dirección y un horario en que haya alguien?",
  "¡Gracias! Cualquier cosa, escribinos por acá.",
];

const placeholders = (body: string) => [...new Set([...body.matchAll(/\{\{\s*(\d+)\s*\}\}/g)].map((m) => Number(m[1])))].sort((a, b) => a - b);

async function send(conversationId: string, content: unknown): Promise<{ code: string; message: string } | null> {
  const res = await fetch(`/api/whatsapp/conversations/${conversationId}/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": crypto.randomUUID() },
    body: JSON.stringify({ content }),
  });
  if (res.ok) return null;
  const data = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  return { code: data?.error?.code ?? "ERROR", message: data?.error?.message ?? "No se pudo enviar. Probá de nuevo." };
}

// Free text while the 24-hour window is open (with quick replies); once it closes, the composer becomes a picker of
// approved templates with their variables and a live preview. If the window closed while the page was open, the
// server refuses the text (TEMPLATE_REQUIRED) and the composer switches to the picker right there.
export function Composer({ conversationId, windowOpen: windowOpenOnLoad, templates }: { conversationId: string; windowOpen: boolean; templates: TemplateOption[] }) {
  const router = useRouter();
  const [closedMeanwhile, setClosedMeanwhile] = useState(false);
  const windowOpen = windowOpenOnLoad && !closedMeanwhile;
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [templateName, setTemplateName] = useState(templates[0]?.name ?? "");
  const [params, setParams] = useState<Record<number, string>>({});
  const template = templates.find((t) => t.name === templateName);
  const slots = useMemo(() => (template ? placeholders(template.body) : []), [template]);
  const preview = template ? template.body.replace(/\{\{\s*(\d+)\s*\}\}/g, (_, n: string) => params[Number(n)] || `{{${n}}}`) : "";

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const content = windowOpen
      ? { type: "text", body: text.trim() }
      : { type: "template", name: template!.name, language: template!.language, components: slots.length ? [{ type: "body", parameters: slots.map((n) => ({ type: "text", text: params[n] ?? "" })) }] : [] };
    const failure = await send(conversationId, content);
    setBusy(false);
    if (failure?.code === "TEMPLATE_REQUIRED") {
      setClosedMeanwhile(true);
      return setError("La ventana de 24 horas se cerró: elegí una plantilla aprobada para escribirle.");
    }
    if (failure) return setError(failure.message);
    setText("");
    setParams({});
    router.refresh();
  }

  if (!windowOpen) {
    return (
      <form className={styles.composer} onSubmit={submit} aria-label="Enviar plantilla">
        <p className="muted">Pasaron más de 24 horas desde el último mensaje del cliente: WhatsApp solo permite plantillas aprobadas.</p>
        {closedMeanwhile && error ? <p className="error" role="alert">{error}</p> : null}
        {templates.length === 0 ? (
          <p className="error" role="alert">No hay plantillas aprobadas. Creá una en Plantillas y esperá la aprobación de WhatsApp.</p>
        ) : (
          <>
            <label>
              Plantilla
              <select value={templateName} onChange={(e) => { setTemplateName(e.target.value); setParams({}); }} data-testid="template-picker">
                {templates.map((t) => <option key={t.name} value={t.name}>{t.name}</option>)}
              </select>
            </label>
            {slots.map((n) => (
              <label key={n}>
                Variable {`{{${n}}}`}
                <input value={params[n] ?? ""} onChange={(e) => setParams({ ...params, [n]: e.target.value })} required />
              </label>
            ))}
            <p className={styles.preview} aria-label="Vista previa">{preview}</p>
            {error && !closedMeanwhile ? <p className="error" role="alert">{error}</p> : null}
            <button type="submit" disabled={busy}>Enviar plantilla</button>
          </>
        )}
      </form>
    );
  }
  return (
    <form className={styles.composer} onSubmit={submit} aria-label="Responder">
      <div className={styles.quickReplies} aria-label="Respuestas rápidas">
        {QUICK_REPLIES.map((q) => (
          <button key={q} type="button" className="secondary" onClick={() => setText(q)}>{q.length > 32 ? `${q.slice(0, 30)}…` : q}</button>
        ))}
      </div>
      <label>
        Mensaje
        <textarea value={text} onChange={(e) => setText(e.target.value)} rows={3} required maxLength={4096}
          onKeyDown={(e) => { if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); e.currentTarget.form?.requestSubmit(); } }} />
      </label>
      {error ? <p className="error" role="alert">{error}</p> : null}
      <button type="submit" disabled={busy || !text.trim()}>Enviar</button>
    </form>
  );
}
