"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

// "Reintentar" on a file that could not be downloaded: re-enqueues the download; the thread shows it pending again.
export function MediaRetryButton({ messageId }: { messageId: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(false);
  async function retry() {
    setBusy(true);
    setError(false);
    const res = await fetch(`/api/whatsapp/messages/${messageId}/media/retry`, { method: "POST" });
    setBusy(false);
    if (res.ok) router.refresh();
    else setError(true);
  }
  return (
    <>
      <button type="button" className="secondary" onClick={retry} disabled={busy}>{busy ? "Reintentando…" : "Reintentar"}</button>
      {error ? <span className="error" role="alert"> No se pudo reintentar. Probá de nuevo en un rato.</span> : null}
    </>
  );
}
