"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { sendJson } from "@/components/settings/send-json";

// "Reintentar" puts one failed message back in the delivery queue (the workers send it); the server makes sure it
// goes out once even if two people click at the same time.
export function ReplayButton({ messageId, label }: { messageId: string; label: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function replay() {
    setBusy(true);
    setError(null);
    const result = await sendJson<{ replayed: string[] }>(`/api/whatsapp/dead-letters/${encodeURIComponent(messageId)}/replay`, "POST");
    setBusy(false);
    if (!result.ok) setError(result.error.message);
    router.refresh();
  }
  return (
    <div className="stack">
      <button type="button" className="secondary" onClick={replay} disabled={busy} aria-label={`Reintentar ${label}`}>{busy ? "Reintentando…" : "Reintentar"}</button>
      {error ? <p className="error" role="alert">{error}</p> : null}
    </div>
  );
}

export function ReplayAllButton({ count }: { count: number }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  async function replayAll() {
    setBusy(true);
    setMessage(null);
    const result = await sendJson<{ replayed: string[] }>("/api/whatsapp/dead-letters/replay-all", "POST");
    setBusy(false);
    if (!result.ok) {
      setMessage({ text: result.error.message, error: true });
      return;
    }
    const n = result.data.replayed.length;
    setMessage({ text: n === 1 ? "Se volvió a encolar 1 mensaje." : `Se volvieron a encolar ${n} mensajes.`, error: false });
    router.refresh();
  }
  return (
    <div className="row">
      <button type="button" onClick={replayAll} disabled={busy || count === 0}>{busy ? "Reintentando…" : `Reintentar todos (${count})`}</button>
      {message ? <p className={message.error ? "error" : "muted"} role={message.error ? "alert" : "status"}>{message.text}</p> : null}
    </div>
  );
}
