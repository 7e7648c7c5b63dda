"use client";

import { useState, type FormEvent } from "react";
import styles from "./composer.module.css";

export type ComposerTemplateOption = {
  id: string;
  name: string;
  language: string;
  category: string;
  body: string;
  fields: { index: number; label: string; value: string; example: string | null }[];
};

export type TemplateSend = { type: "template"; name: string; language: string; components: { type: "body"; parameters: { type: "text"; text: string }[] }[] };

// The closed-window composer: the person picks a template (none is picked for them), fills its named fields, which
// start from what the conversation knows, and sees the message as the customer will read it the whole time.
export function TemplatePicker({ templates, busy, onSend }: { templates: ComposerTemplateOption[]; busy: boolean; onSend: (content: TemplateSend) => Promise<boolean> }) {
  const [templateId, setTemplateId] = useState("");
  const [values, setValues] = useState<Record<number, string>>({});
  const template = templates.find((t) => t.id === templateId);

  function pick(id: string) {
    setTemplateId(id);
    const next = templates.find((t) => t.id === id);
    setValues(Object.fromEntries((next?.fields ?? []).map((f) => [f.index, f.value])));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!template) return;
    const parameters = template.fields.map((f) => ({ type: "text" as const, text: (values[f.index] ?? "").trim() }));
    const sent = await onSend({ type: "template", name: template.name, language: template.language, components: parameters.length ? [{ type: "body", parameters }] : [] });
    if (sent) pick("");
  }

  return (
    <form className={styles.picker} onSubmit={submit} aria-label="Enviar plantilla">
      <label>
        Plantilla
        <select value={templateId} onChange={(e) => pick(e.target.value)} data-testid="template-picker" required>
          <option value="" disabled>Elegí una plantilla…</option>
          {templates.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
        </select>
      </label>
      {template && template.fields.length ? (
        <div className={styles.fields}>
          {template.fields.map((f) => (
            <label key={f.index}>
              {f.label}
              <input value={values[f.index] ?? ""} onChange={(e) => setValues({ ...values, [f.index]: e.target.value })} required maxLength={1024}
                placeholder={f.example ? `Por ejemplo: ${f.example}` : undefined} />
            </label>
          ))}
        </div>
      ) : null}
      {/* Pinned to the bottom of the screen while the fields scroll past, so the message stays in view on a phone. */}
      <div className={styles.sendBar}>
        <Preview template={template} values={values} />
        <button type="submit" disabled={busy || !template}>Enviar plantilla</button>
      </div>
    </form>
  );
}

function Preview({ template, values }: { template: ComposerTemplateOption | undefined; values: Record<number, string> }) {
  if (!template) return <p className={`${styles.preview} ${styles.previewEmpty}`} aria-label="Vista previa">Elegí una plantilla para ver cómo le llega al cliente.</p>;
  const labels = new Map(template.fields.map((f) => [f.index, f.label]));
  // Split on the placeholders so an empty field shows its name, marked, where the customer would read the value.
  const parts = template.body.split(/(\{\{\s*\d+\s*\}\})/g).map((part, i) => {
    const n = /^\{\{\s*(\d+)\s*\}\}$/.exec(part)?.[1];
    if (!n) return part;
    const value = values[Number(n)]?.trim();
    return value ? value : <span key={i} className={styles.missing}>[{labels.get(Number(n)) ?? `Dato ${n}`}]</span>;
  });
  return <p className={styles.preview} aria-label="Vista previa" aria-live="polite">{parts}</p>;
}
