"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { sendJson } from "@/components/settings/send-json";

type Message = { error: boolean; text: string } | null;

function Feedback({ message }: { message: Message }) {
  if (!message) return null;
  return <p className={message.error ? "error" : "muted"} role={message.error ? "alert" : "status"} style={{ margin: 0 }}>{message.text}</p>;
}

// The PDF and the WhatsApp message go out by themselves once ARCA authorizes; this sends them again on purpose.
export function ResendButton({ invoiceId, hasEmail }: { invoiceId: string; hasEmail: boolean }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  async function resend() {
    setBusy(true);
    setMessage(null);
    const result = await sendJson<{ queued: true }>(`/api/invoices/${invoiceId}/resend`, "POST");
    setBusy(false);
    setMessage(result.ok ? { error: false, text: `Listo: se la volvemos a mandar por WhatsApp${hasEmail ? " y por email" : ""}.` } : { error: true, text: result.error.message });
  }
  return (
    <div className="stack">
      <button type="button" className="secondary" onClick={resend} disabled={busy}>{busy ? "Enviando…" : "Reenviar al cliente"}</button>
      <Feedback message={message} />
    </div>
  );
}

// A draft asks for its CAE; a pending or authorizing one is queued again (reconciled with ARCA before re-sending).
export function AuthorizeButton({ invoiceId, draft }: { invoiceId: string; draft: boolean }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  async function authorize() {
    setBusy(true);
    setMessage(null);
    const result = await sendJson(`/api/invoices/${invoiceId}/authorize`, "POST");
    setBusy(false);
    if (!result.ok) return setMessage({ error: true, text: result.error.message });
    setMessage({ error: false, text: "Pedido enviado a ARCA. El CAE aparece acá en unos segundos." });
    router.refresh();
  }
  return (
    <div className="stack">
      <button type="button" onClick={authorize} disabled={busy}>{busy ? "Enviando…" : draft ? "Pedir el CAE a ARCA" : "Reintentar"}</button>
      <Feedback message={message} />
    </div>
  );
}
