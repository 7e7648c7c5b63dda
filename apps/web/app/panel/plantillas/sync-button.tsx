"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { sendJson } from "@/components/settings/send-json";

type SyncResult = { created: number; updated: number; total: number };

// Brings the provider's templates now (new ones and status changes) instead of waiting for the periodic sync.
export function SyncButton() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  async function sync() {
    setBusy(true);
    setMessage(null);
    const result = await sendJson<SyncResult>("/api/whatsapp/templates/sync", "POST");
    setBusy(false);
    if (!result.ok) {
      setMessage({ text: result.error.message, error: true });
      return;
    }
    const { created, updated, total } = result.data;
    setMessage({ text: `Listo: ${created} nuevas, ${updated} actualizadas, ${total} en total.`, error: false });
    router.refresh();
  }
  return (
    <div className="row">
      <button type="button" className="secondary" onClick={sync} disabled={busy}>{busy ? "Sincronizando…" : "Sincronizar ahora"}</button>
      {message ? <p className={message.error ? "error" : "muted"} role={message.error ? "alert" : "status"} data-testid="sync-result">{message.text}</p> : null}
    </div>
  );
}
