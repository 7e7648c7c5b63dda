"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { PlanUpgrade, type PlanUpgradeProps } from "@/components/panel/plan-upgrade";
import { sendJson, type ApiFailure } from "@/components/settings/send-json";
import styles from "./whatsapp.module.css";

const DAYS = [
  ["monday", "Lunes"], ["tuesday", "Martes"], ["wednesday", "Miércoles"], ["thursday", "Jueves"], ["friday", "Viernes"], ["saturday", "Sábado"], ["sunday", "Domingo"],
] as const;
type Day = (typeof DAYS)[number][0];
export type AssistantValues = {
  autoResponseEnabled: boolean;
  mode: "always" | "outside_business_hours";
  customInstructions: string;
  handoffMinutes: number;
  onCallUserIds: string[];
  businessHours: Partial<Record<Day, [string, string]>>;
};

// The assistant's settings, saved together with PUT /api/settings/assistant (businessHours replaces the week).
// instructionsUpgrade: the plan has no customAiInstructions, so the upgrade prompt replaces the instructions box.
export function AssistantForm({ initial, users, canEdit, instructionsUpgrade = null }: { initial: AssistantValues; users: { id: string; name: string }[]; canEdit: boolean; instructionsUpgrade?: PlanUpgradeProps | null }) {
  const router = useRouter();
  const [v, setV] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [planRequired, setPlanRequired] = useState<ApiFailure | null>(null);
  const set = <K extends keyof AssistantValues>(key: K, value: AssistantValues[K]) => setV((prev) => ({ ...prev, [key]: value }));
  const setDay = (day: Day, range: [string, string] | null) =>
    setV((prev) => {
      const hours = { ...prev.businessHours };
      if (range) hours[day] = range;
      else delete hours[day];
      return { ...prev, businessHours: hours };
    });

  async function save(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setMessage(null);
    setPlanRequired(null);
    // Instructions the plan no longer includes stay stored but are not sent back (saving them would be refused).
    const { customInstructions, ...rest } = v;
    const result = await sendJson("/api/settings/assistant", "PUT", instructionsUpgrade ? rest : { ...rest, customInstructions });
    setBusy(false);
    if (!result.ok && result.error.planRequired) {
      setPlanRequired(result.error);
      return;
    }
    if (!result.ok) {
      setErrors(result.error.fields);
      setMessage({ text: result.error.message, error: true });
      return;
    }
    setMessage({ text: "Guardado.", error: false });
    router.refresh();
  }
  const err = (prefix: string) => Object.entries(errors).find(([k]) => k === prefix || k.startsWith(`${prefix}.`))?.[1];
  const fieldError = (prefix: string) => (err(prefix) ? <span className="error" role="alert">{err(prefix)}</span> : null);

  return (
    <form className="form" onSubmit={save}>
      <fieldset disabled={!canEdit || busy} className="form" style={{ border: 0, padding: 0, margin: 0 }}>
        <label className="inline">
          <input type="checkbox" checked={v.autoResponseEnabled} onChange={(e) => set("autoResponseEnabled", e.target.checked)} />
          El asistente responde los mensajes de WhatsApp
        </label>
        <div className="stack">
          <label htmlFor="as-mode">Cuándo responde</label>
          <select id="as-mode" value={v.mode} onChange={(e) => set("mode", e.target.value as AssistantValues["mode"])}>
            <option value="always">Siempre</option>
            <option value="outside_business_hours">Solo fuera del horario de atención (las urgencias, siempre)</option>
          </select>
        </div>
        <fieldset className={styles.days}>
          <legend className={styles.meterLabel}>Horario de atención (hora de Buenos Aires)</legend>
          {DAYS.map(([day, label]) => {
            const range = v.businessHours[day];
            return (
              <div key={day} className={styles.day}>
                <label className="inline">
                  <input type="checkbox" checked={!!range} onChange={(e) => setDay(day, e.target.checked ? ["08:00", "18:00"] : null)} />
                  {label}
                </label>
                {range ? (
                  <>
                    <input type="time" aria-label={`${label}: abre`} value={range[0]} onChange={(e) => setDay(day, [e.target.value, range[1]])} required />
                    <input type="time" aria-label={`${label}: cierra`} value={range[1]} onChange={(e) => setDay(day, [range[0], e.target.value])} required />
                  </>
                ) : <span className="muted">Cerrado</span>}
              </div>
            );
          })}
          {fieldError("businessHours")}
        </fieldset>
        {instructionsUpgrade ? (
          <div className="stack">
            <p className={styles.meterLabel}>Instrucciones para el asistente</p>
            <PlanUpgrade {...instructionsUpgrade} />
          </div>
        ) : (
        <div className="stack">
          <label htmlFor="as-instructions">Instrucciones para el asistente</label>
          <textarea id="as-instructions" rows={4} maxLength={2000} value={v.customInstructions} onChange={(e) => set("customInstructions", e.target.value)} placeholder="Ej.: No trabajamos en Zona Norte. Los sábados solo urgencias." />
          {fieldError("customInstructions")}
        </div>
        )}
        <div className="stack">
          <label htmlFor="as-handoff">Minutos en silencio cuando una persona toma la conversación</label>
          <input id="as-handoff" type="number" min={5} max={10080} value={v.handoffMinutes} onChange={(e) => set("handoffMinutes", Number(e.target.value))} />
          {fieldError("handoffMinutes")}
        </div>
        <fieldset className={styles.checks}>
          <legend>De guardia (reciben los avisos de urgencia además de los dueños)</legend>
          {users.map((u) => (
            <label key={u.id} className="inline">
              <input type="checkbox" checked={v.onCallUserIds.includes(u.id)} onChange={(e) => set("onCallUserIds", e.target.checked ? [...v.onCallUserIds, u.id] : v.onCallUserIds.filter((id) => id !== u.id))} />
              {u.name}
            </label>
          ))}
          {fieldError("onCallUserIds")}
        </fieldset>
        {canEdit ? <div className="row"><button type="submit">{busy ? "Guardando…" : "Guardar asistente"}</button></div> : null}
      </fieldset>
      {message ? <p className={message.error ? "error" : styles.ok} role={message.error ? "alert" : "status"}>{message.text}</p> : null}
      {planRequired ? <PlanUpgrade message={planRequired.message} /> : null}
    </form>
  );
}

// The organization's quiet hours: non-urgent notices wait until they end (emergencies always go out).
export function QuietHoursForm({ initial, isDefault, canEdit }: { initial: { start: string; end: string }; isDefault: boolean; canEdit: boolean }) {
  const router = useRouter();
  const [q, setQ] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  async function put(quietHours: { start: string; end: string } | null) {
    setBusy(true);
    setMessage(null);
    const result = await sendJson<{ quietHours: { start: string; end: string } }>("/api/settings/notifications", "PUT", { quietHours });
    setBusy(false);
    if (!result.ok) {
      setMessage({ text: Object.values(result.error.fields)[0] ?? result.error.message, error: true });
      return;
    }
    setQ(result.data.quietHours);
    setMessage({ text: "Guardado.", error: false });
    router.refresh();
  }
  return (
    <form className="form" onSubmit={(e) => { e.preventDefault(); void put(q); }}>
      <fieldset disabled={!canEdit || busy} className="row" style={{ border: 0, padding: 0, margin: 0 }}>
        <label className="inline">Desde <input type="time" value={q.start} onChange={(e) => setQ({ ...q, start: e.target.value })} required /></label>
        <label className="inline">Hasta <input type="time" value={q.end} onChange={(e) => setQ({ ...q, end: e.target.value })} required /></label>
        {canEdit ? <button type="submit">Guardar horario</button> : null}
        {canEdit && !isDefault ? <button type="button" className="link" onClick={() => put(null)}>Volver a 21:00–08:00</button> : null}
      </fieldset>
      {message ? <p className={message.error ? "error" : styles.ok} role={message.error ? "alert" : "status"}>{message.text}</p> : null}
    </form>
  );
}
