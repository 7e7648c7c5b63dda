"use client";

import { useState } from "react";
import { sendJson } from "@/components/settings/send-json";
import styles from "./preferences.module.css";

type Channel = "push" | "email" | "whatsapp";
type QuietHours = { start: string; end: string };
export type Preferences = { channels: Channel[]; email: string | null; devices: number; quietHours: QuietHours | null; effectiveQuietHours: QuietHours };

const CHANNELS: { value: Channel; label: string; hint: (p: Preferences) => string }[] = [
  { value: "push", label: "Notificaciones en el celular (app de CampoTech)", hint: (p) => (p.devices ? `${p.devices} ${p.devices === 1 ? "dispositivo registrado" : "dispositivos registrados"}.` : "Todavía no iniciaste sesión en la app de ningún celular.") },
  { value: "email", label: "Email", hint: () => "A la dirección de abajo." },
  { value: "whatsapp", label: "WhatsApp", hint: () => "Al número de tu cuenta." },
];

// Channels, email and quiet hours in one PUT (the API takes the whole preference). Times are typed as HH:MM on a
// 24-hour clock (a time input would show a.m./p.m. in some browsers); the server's Spanish reasons show by the field.
export function PreferencesForm({ initial }: { initial: Preferences }) {
  const [saved, setSaved] = useState(initial);
  const [channels, setChannels] = useState<Channel[]>(initial.channels);
  const [email, setEmail] = useState(initial.email ?? "");
  const [ownQuiet, setOwnQuiet] = useState(initial.quietHours !== null);
  const [start, setStart] = useState(initial.quietHours?.start ?? initial.effectiveQuietHours.start);
  const [end, setEnd] = useState(initial.quietHours?.end ?? initial.effectiveQuietHours.end);
  const [busy, setBusy] = useState(false);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const toggle = (channel: Channel, on: boolean) => setChannels((current) => (on ? [...current, channel] : current.filter((c) => c !== channel)));

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setFields({});
    setError(null);
    setDone(null);
    const result = await sendJson<Preferences>("/api/me/notification-preferences", "PUT", {
      channels, email: email.trim() || null, quietHours: ownQuiet ? { start: start.trim(), end: end.trim() } : null,
    });
    setBusy(false);
    if (!result.ok) {
      setFields(result.error.fields);
      setError(result.error.message);
      return;
    }
    setSaved(result.data);
    setDone("Guardamos tus preferencias.");
  }

  const fieldError = (key: string) => (fields[key] ? <span id={`pref-${key.replace(/\./g, "-")}-error`} className="error" role="alert">{fields[key]}</span> : null);
  const describedBy = (key: string) => (fields[key] ? `pref-${key.replace(/\./g, "-")}-error` : undefined);
  const quietError = fields["quietHours"] ?? fields["quietHours.start"] ?? fields["quietHours.end"];

  return (
    <form className="card form" onSubmit={submit} noValidate aria-label="Mis avisos">
      <fieldset className={styles.channels}>
        <legend>Por dónde te avisamos</legend>
        {CHANNELS.map((c) => (
          <div key={c.value}>
            <label className="inline">
              <input type="checkbox" name="channels" value={c.value} checked={channels.includes(c.value)} onChange={(e) => toggle(c.value, e.target.checked)} />
              {c.label}
            </label>
            <p className={`muted ${styles.hint}`}>{c.hint(saved)}</p>
          </div>
        ))}
        {channels.length === 0 ? <p className="muted">Sin canales no te llegan los avisos comunes; las urgencias te llegan igual.</p> : null}
        {fieldError("channels")}
      </fieldset>
      <div className={`stack ${styles.email}`}>
        <label htmlFor="pref-email">Email para los avisos</label>
        <input id="pref-email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="email" aria-invalid={fields.email ? true : undefined} aria-describedby={describedBy("email")} />
        {fieldError("email")}
      </div>
      <fieldset className={styles.quiet}>
        <legend>Horario de silencio</legend>
        <label className="inline"><input type="radio" name="quiet" checked={!ownQuiet} onChange={() => setOwnQuiet(false)} />Usar el de la organización</label>
        <label className="inline"><input type="radio" name="quiet" checked={ownQuiet} onChange={() => setOwnQuiet(true)} />Usar mi propio horario</label>
        {ownQuiet ? (
          <div className={styles.times}>
            <label>Desde<input value={start} onChange={(e) => setStart(e.target.value)} inputMode="numeric" placeholder="22:00" maxLength={5} aria-invalid={quietError ? true : undefined} /></label>
            <label>Hasta<input value={end} onChange={(e) => setEnd(e.target.value)} inputMode="numeric" placeholder="07:00" maxLength={5} aria-invalid={quietError ? true : undefined} /></label>
          </div>
        ) : null}
        {quietError ? <span className="error" role="alert">{quietError}</span> : null}
        <p className="muted" data-testid="effective-quiet">
          Ahora se aplica de {saved.effectiveQuietHours.start} a {saved.effectiveQuietHours.end}{saved.quietHours ? " (tu horario)" : " (el de la organización)"}.
          En ese horario los avisos comunes esperan a que termine; las urgencias llegan siempre, por todos los canales.
        </p>
      </fieldset>
      <div className="row">
        <button type="submit" disabled={busy}>{busy ? "Guardando…" : "Guardar"}</button>
      </div>
      {error && Object.keys(fields).length === 0 ? <p className="error" role="alert">{error}</p> : null}
      {done ? <p role="status" className={styles.done}>{done}</p> : null}
    </form>
  );
}
