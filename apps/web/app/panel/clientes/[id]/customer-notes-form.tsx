"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { callJobsApi, describeFailure } from "@/lib/panel/jobs/jobs-api";

export function CustomerNotesForm({ customerId, notes }: { customerId: string; notes: string }) {
  const router = useRouter();
  const [value, setValue] = useState(notes);
  const [saved, setSaved] = useState(notes);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    const result = await callJobsApi<{ notes: string | null }>(`/api/customers/${customerId}`, { method: "PATCH", body: { notes: value } });
    setBusy(false);
    if (!result.ok) return setMessage({ error: true, text: describeFailure(result) });
    setSaved(result.data.notes ?? "");
    setValue(result.data.notes ?? "");
    setMessage({ error: false, text: "Notas guardadas." });
    router.refresh();
  }

  return (
    <form className="form" onSubmit={submit}>
      <label>
        Notas internas (el cliente no las ve)
        <textarea value={value} onChange={(e) => setValue(e.target.value)} rows={5} maxLength={2000} placeholder="Ej.: timbre 3° B no anda, llamar al llegar. Tiene perro." />
      </label>
      <div style={{ display: "flex", gap: "0.75rem", alignItems: "center", flexWrap: "wrap" }}>
        <button type="submit" disabled={busy || value === saved}>{busy ? "Guardando…" : "Guardar notas"}</button>
        {message ? <span className={message.error ? "error" : "muted"} role={message.error ? "alert" : "status"}>{message.text}</span> : null}
      </div>
    </form>
  );
}
