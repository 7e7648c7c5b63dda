"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { callJobsApi, describeFailure } from "@/lib/panel/jobs/jobs-api";
import styles from "../customers.module.css";

// Tags are added and removed one at a time (POST …/tags { add } / { remove }): a repeated click changes nothing.
export function CustomerTags({ customerId, tags: initial, canEdit }: { customerId: string; tags: string[]; canEdit: boolean }) {
  const router = useRouter();
  const [tags, setTags] = useState(initial);
  const [draft, setDraft] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function change(body: { add?: string[]; remove?: string[] }) {
    setBusy(true);
    setError(null);
    const result = await callJobsApi<{ tags: string[] }>(`/api/customers/${customerId}/tags`, { method: "POST", body });
    setBusy(false);
    if (!result.ok) return setError(describeFailure(result));
    setTags(result.data.tags);
    setDraft("");
    router.refresh();
  }

  function add(event: FormEvent) {
    event.preventDefault();
    if (draft.trim()) void change({ add: [draft] });
  }

  return (
    <div>
      {tags.length ? (
        <ul className={styles.tagEditor} aria-label="Etiquetas" style={{ listStyle: "none", margin: 0, padding: 0 }}>
          {tags.map((tag) => (
            <li key={tag} className={styles.tagChip}>
              <a href={`/panel/clientes?etiqueta=${encodeURIComponent(tag)}`}>{tag}</a>
              {canEdit ? (
                <button type="button" aria-label={`Sacar la etiqueta ${tag}`} disabled={busy} onClick={() => void change({ remove: [tag] })}>×</button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted" style={{ margin: 0 }}>Sin etiquetas.</p>
      )}
      {canEdit ? (
        <form className={styles.inlineForm} onSubmit={add}>
          <label>
            Nueva etiqueta
            <input value={draft} onChange={(e) => setDraft(e.target.value)} maxLength={30} placeholder="Ej.: consorcio, mayorista" />
          </label>
          <button type="submit" disabled={busy || !draft.trim()}>Agregar</button>
        </form>
      ) : null}
      {error ? <p className="error" role="alert">{error}</p> : null}
    </div>
  );
}
