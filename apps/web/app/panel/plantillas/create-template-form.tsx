"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { sendJson } from "@/components/settings/send-json";
import { CATEGORY_LABEL } from "./template-labels";
import { TemplatePreview } from "./template-preview";
import styles from "./templates.module.css";

function variableCount(body: string): number {
  const numbers = [...body.matchAll(/\{\{\s*(\d+)\s*\}\}/g)].map((m) => Number(m[1]));
  return numbers.length ? Math.min(50, Math.max(...numbers)) : 0;
}

// New template → submitted to WhatsApp for approval (it stays "Pendiente" until the provider answers). One example
// per variable is required by Meta's review; the server validates and its Spanish messages show by each field.
export function CreateTemplateForm() {
  const router = useRouter();
  const [name, setName] = useState("");
  const [category, setCategory] = useState("UTILITY");
  const [body, setBody] = useState("");
  const [examples, setExamples] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const count = variableCount(body);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setFields({});
    setError(null);
    setDone(null);
    const result = await sendJson<{ name: string }>("/api/whatsapp/templates", "POST", {
      name: name.trim(), category, body, examples: Array.from({ length: count }, (_, i) => examples[i] ?? ""),
    });
    setBusy(false);
    if (!result.ok) {
      setFields(result.error.fields);
      setError(result.error.message);
      return;
    }
    setDone(`"${result.data.name}" se envió a WhatsApp para aprobación. Aparece como Pendiente hasta que respondan.`);
    setName("");
    setBody("");
    setExamples([]);
    router.refresh();
  }

  const fieldError = (key: string) => (fields[key] ? <span id={`tpl-${key}-error`} className="error" role="alert">{fields[key]}</span> : null);
  const described = (key: string, hint?: string) => [hint, fields[key] ? `tpl-${key}-error` : null].filter(Boolean).join(" ") || undefined;

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="new-template-h">
      <div className="stack">
        <label htmlFor="tpl-name">Nombre</label>
        <input id="tpl-name" value={name} onChange={(e) => setName(e.target.value)} required autoComplete="off" aria-invalid={fields.name ? true : undefined} aria-describedby={described("name", "tpl-name-hint")} />
        <span id="tpl-name-hint" className="muted">Minúsculas, números y guiones bajos. Ej.: aviso_demora</span>
        {fieldError("name")}
      </div>
      <div className="stack">
        <label htmlFor="tpl-category">Categoría</label>
        <select id="tpl-category" value={category} onChange={(e) => setCategory(e.target.value)} aria-invalid={fields.category ? true : undefined} aria-describedby={described("category")}>
          {Object.entries(CATEGORY_LABEL).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
        </select>
        {fieldError("category")}
      </div>
      <div className="stack">
        <label htmlFor="tpl-body">Texto del mensaje</label>
        <textarea id="tpl-body" rows={4} value={body} onChange={(e) => setBody(e.target.value)} maxLength={1024} required aria-invalid={fields.body ? true : undefined} aria-describedby={described("body", "tpl-body-hint")} />
        <span id="tpl-body-hint" className="muted">Usá {"{{1}}"}, {"{{2}}"}… para los datos que cambian (nombre, horario). No puede empezar ni terminar con una variable.</span>
        {fieldError("body")}
      </div>
      {count > 0 ? (
        <fieldset className={styles.examples} aria-describedby={described("examples")}>
          <legend>Ejemplos (uno por variable, para la revisión de WhatsApp)</legend>
          {Array.from({ length: count }, (_, i) => (
            <div key={i} className="stack">
              <label htmlFor={`tpl-example-${i}`}>{`Ejemplo para {{${i + 1}}}`}</label>
              <input id={`tpl-example-${i}`} value={examples[i] ?? ""} onChange={(e) => setExamples((prev) => { const next = [...prev]; next[i] = e.target.value; return next; })} maxLength={200} aria-invalid={fields[`examples.${i}`] ? true : undefined} aria-describedby={described(`examples.${i}`)} />
              {fieldError(`examples.${i}`)}
            </div>
          ))}
          {fieldError("examples")}
        </fieldset>
      ) : fieldError("examples")}
      {body.trim() ? <div><p className="muted">Vista previa</p><TemplatePreview body={body} /></div> : null}
      <div className="row">
        <button type="submit" disabled={busy}>{busy ? "Enviando…" : "Enviar para aprobación"}</button>
      </div>
      {error && Object.keys(fields).length === 0 ? <p className="error" role="alert">{error}</p> : null}
      {done ? <p role="status" className={styles.done}>{done}</p> : null}
    </form>
  );
}
