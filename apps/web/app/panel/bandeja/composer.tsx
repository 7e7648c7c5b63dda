"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState, type FormEvent } from "react";
import { QuickReplyBox } from "@/components/composer/quick-reply-box";
import type { QuickReplyOption } from "@/components/composer/quick-reply-text";
import { TemplatePicker, type ComposerTemplateOption, type TemplateSend } from "@/components/composer/template-picker";
import styles from "./inbox.module.css";

// The composer reads its own templates (customer-facing ones with named, prefilled fields) and quick replies from
// /api/whatsapp/conversations/{id}/composer.
type ComposerData = { customerFirstName: string | null; templates: ComposerTemplateOption[]; quickReplies: QuickReplyOption[] };

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

async function loadComposerData(conversationId: string): Promise<ComposerData> {
  const [templates, replies] = await Promise.all([
    fetch(`/api/whatsapp/conversations/${conversationId}/composer`).then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status))))),
    // Quick replies are a convenience: without them the box still works.
    fetch("/api/quick-replies").then((r) => (r.ok ? r.json() : { items: [] })).catch(() => ({ items: [] })),
  ]);
  const { customerFirstName, templates: list } = templates as { customerFirstName: string | null; templates: ComposerTemplateOption[] };
  return { customerFirstName, templates: list, quickReplies: (replies as { items: QuickReplyOption[] }).items };
}

// Free text while the 24-hour window is open (with the organization's quick replies behind "/"); once it closes, the
// composer becomes a picker of the approved templates a customer may receive. If the window closed while the page
// was open, the server refuses the text (TEMPLATE_REQUIRED) and the composer switches to the picker right there.
export function Composer({ conversationId, windowOpen: windowOpenOnLoad }: { conversationId: string; windowOpen: boolean }) {
  const router = useRouter();
  const [closedMeanwhile, setClosedMeanwhile] = useState(false);
  const windowOpen = windowOpenOnLoad && !closedMeanwhile;
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [data, setData] = useState<ComposerData | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);

  useEffect(() => {
    let current = true;
    setData(null);
    setLoadFailed(false);
    loadComposerData(conversationId).then((d) => current && setData(d), () => current && setLoadFailed(true));
    return () => { current = false; };
  }, [conversationId]);

  async function deliver(content: unknown): Promise<boolean> {
    setBusy(true);
    setError(null);
    const failure = await send(conversationId, content);
    setBusy(false);
    if (failure?.code === "TEMPLATE_REQUIRED") {
      setClosedMeanwhile(true);
      setError("La ventana de 24 horas se cerró: elegí una plantilla aprobada para escribirle.");
      return false;
    }
    if (failure) {
      setError(failure.message);
      return false;
    }
    router.refresh();
    return true;
  }

  async function submitText(event: FormEvent) {
    event.preventDefault();
    if (await deliver({ type: "text", body: text.trim() })) setText("");
  }

  if (!windowOpen) {
    return (
      <section className={styles.composer} aria-label="Plantillas">
        <p className="muted">Pasaron más de 24 horas desde el último mensaje del cliente: WhatsApp solo permite plantillas aprobadas.</p>
        {error ? <p className="error" role="alert">{error}</p> : null}
        {loadFailed ? (
          <p className="error" role="alert">No se pudieron cargar las plantillas. Recargá la página.</p>
        ) : !data ? (
          <p className="muted" aria-busy="true">Cargando plantillas…</p>
        ) : data.templates.length === 0 ? (
          <p className="error" role="alert">No hay plantillas aprobadas. Creá una en Plantillas y esperá la aprobación de WhatsApp.</p>
        ) : (
          <TemplatePicker templates={data.templates} busy={busy} onSend={(content: TemplateSend) => deliver(content)} />
        )}
      </section>
    );
  }
  return (
    <form className={styles.composer} onSubmit={submitText} aria-label="Responder">
      <QuickReplyBox value={text} onChange={setText} replies={data?.quickReplies ?? []} customerFirstName={data?.customerFirstName ?? null} />
      {error ? <p className="error" role="alert">{error}</p> : null}
      <button type="submit" disabled={busy || !text.trim()}>Enviar</button>
    </form>
  );
}
