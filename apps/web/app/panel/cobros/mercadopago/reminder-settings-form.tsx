"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { sendJson } from "@/components/settings/send-json";
import styles from "./mercadopago.module.css";

export type ReminderSettings = { remindersEnabled: boolean; reminderAfterDays: number; maxReminders: number };

// Payment reminders by WhatsApp (the payment_reminder template with the payment link): whether they go out, how many
// days after the invoice is authorized (and between one and the next), and how many at most.
export function ReminderSettingsForm({ initial, canEdit }: { initial: ReminderSettings; canEdit: boolean }) {
  const router = useRouter();
  const id = useId();
  const [enabled, setEnabled] = useState(initial.remindersEnabled);
  const [after, setAfter] = useState(String(initial.reminderAfterDays));
  const [max, setMax] = useState(String(initial.maxReminders));
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  async function save(event: React.FormEvent) {
    event.preventDefault();
    setErrors({});
    setMessage(null);
    const reminderAfterDays = Number(after);
    const maxReminders = Number(max);
    const local: Record<string, string> = {};
    if (!/^\d+$/.test(after.trim()) || reminderAfterDays < 1 || reminderAfterDays > 60) local.reminderAfterDays = "Entre 1 y 60 días.";
    if (!/^\d+$/.test(max.trim()) || maxReminders < 0 || maxReminders > 10) local.maxReminders = "Entre 0 y 10.";
    if (Object.keys(local).length) {
      setErrors(local);
      return setMessage({ error: true, text: "Revisá los datos marcados." });
    }
    setBusy(true);
    const result = await sendJson("/api/settings/mercadopago", "PUT", { remindersEnabled: enabled, reminderAfterDays, maxReminders });
    setBusy(false);
    if (!result.ok) {
      setErrors(result.error.fields);
      return setMessage({ error: true, text: result.error.message });
    }
    setMessage({ error: false, text: "Recordatorios guardados." });
    router.refresh();
  }

  const fieldError = (key: string) => (errors[key] ? <span id={`${id}-${key}-error`} className="error" role="alert">{errors[key]}</span> : null);
  const described = (key: string) => (errors[key] ? { "aria-invalid": true as const, "aria-describedby": `${id}-${key}-error` } : {});

  return (
    <form className="form" onSubmit={save} aria-label="Recordatorios de pago">
      <fieldset className={styles.fieldset} disabled={!canEdit || busy}>
        <label className="inline">
          <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
          Mandar recordatorios de pago por WhatsApp
        </label>
        <div className={styles.fields}>
          <div className="stack">
            <label htmlFor={`${id}-after`}>Días entre recordatorios</label>
            <input id={`${id}-after`} inputMode="numeric" maxLength={2} value={after} disabled={!enabled} onChange={(e) => setAfter(e.target.value)} {...described("reminderAfterDays")} />
            <span className={styles.hint}>El primero sale a estos días de autorizada la factura; los siguientes, cada tantos días.</span>
            {fieldError("reminderAfterDays")}
          </div>
          <div className="stack">
            <label htmlFor={`${id}-max`}>Cantidad máxima</label>
            <input id={`${id}-max`} inputMode="numeric" maxLength={2} value={max} disabled={!enabled} onChange={(e) => setMax(e.target.value)} {...described("maxReminders")} />
            <span className={styles.hint}>Por factura. Con 0 no sale ninguno.</span>
            {fieldError("maxReminders")}
          </div>
        </div>
        {canEdit ? (
          <div className="row" style={{ marginTop: "0.75rem" }}>
            <button type="submit" disabled={busy}>{busy ? "Guardando…" : "Guardar recordatorios"}</button>
          </div>
        ) : null}
      </fieldset>
      {message ? <p className={message.error ? "error" : styles.ok} role={message.error ? "alert" : "status"} style={{ margin: 0 }}>{message.text}</p> : null}
    </form>
  );
}
