"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

// The office moves a lead along (or back): a person may set any status, unlike the assistant.
export function LeadStatusControl({ leadId, status, labels }: { leadId: string; status: string; labels: Record<string, string> }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  async function change(next: string) {
    setError(null);
    const res = await fetch(`/api/leads/${leadId}`, { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify({ status: next }) });
    if (!res.ok) {
      const data = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
      setError(data?.error?.message ?? "No se pudo cambiar el estado.");
      return;
    }
    router.refresh();
  }
  return (
    <>
      <label className="sr-only" htmlFor={`lead-${leadId}`}>Estado</label>
      <select id={`lead-${leadId}`} value={status} onChange={(e) => change(e.target.value)}>
        {Object.entries(labels).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
      </select>
      {error ? <p className="error" role="alert">{error}</p> : null}
    </>
  );
}
