"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { sendJson } from "@/components/settings/send-json";

// issue 22 (poison): "Reprocesar" asks the workers to store an inbound message again after a fix; a message already
// stored is never stored twice.
export function InboundReplayButton({ id, label }: { id?: string; label: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  async function replay() {
    setBusy(true);
    setMessage(null);
    const result = await sendJson<{ queued: string[] }>("/api/whatsapp/inbound-dead-letters/replay", "POST", id ? { id } : {});
    setBusy(false);
    if (!result.ok) setMessage({ text: result.error.message, error: true });
    else setMessage({ text: result.data.queued.length === 1 ? "Se está reprocesando 1 mensaje." : `Se están reprocesando ${result.data.queued.length} mensajes.`, error: false });
    router.refresh();
  }
  return (
    <div className="stack">
      <button type="button" className={id ? "secondary" : undefined} onClick={replay} disabled={busy} aria-label={label}>{busy ? "Reprocesando…" : id ? "Reprocesar" : "Reprocesar todos"}</button>
      {message ? <p className={message.error ? "error" : "muted"} role={message.error ? "alert" : "status"}>{message.text}</p> : null}
    </div>
  );
}
