"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { sendJson } from "@/components/settings/send-json";
import styles from "./whatsapp.module.css";

// A value to paste in the provider's console, with a copy button that says when it worked.
export function CopyField({ label, value }: { label: string; value: string }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }
  return (
    <div className="stack">
      <span className={styles.meterLabel}>{label}</span>
      <div className={styles.copy}>
        <code>{value}</code>
        <button type="button" className="secondary" onClick={copy} aria-label={`Copiar ${label}`}>Copiar</button>
        <span role="status" className="muted">{copied === true ? "Copiado" : copied === false ? "No se pudo copiar: seleccionalo a mano" : ""}</span>
      </div>
    </div>
  );
}

const FIELDS: Record<string, { key: string; label: string }[]> = {
  META_DIRECT: [{ key: "accessToken", label: "Token de acceso (System User)" }],
  DIALOG_360: [{ key: "apiKey", label: "API key de 360dialog" }],
  TWILIO: [{ key: "accountSid", label: "Account SID" }, { key: "authToken", label: "Auth Token" }],
};

// Replace the provider's credentials. Inputs start empty (secrets never come back from the server) and are sent
// once; the server stores them sealed and audits the change without the values.
export function CredentialsForm({ accountId, provider }: { accountId: string; provider: string }) {
  const router = useRouter();
  const id = useId();
  const fields = FIELDS[provider] ?? [];
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<Record<string, string>>({});
  const [secret, setSecret] = useState("");
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  // After saving: "ok" when the provider accepted the new credentials, otherwise why it didn't.
  const [saved, setSaved] = useState<string | null>(null);

  async function save(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setMessage(null);
    setSaved(null);
    const result = await sendJson(`/api/whatsapp/accounts/${accountId}/credentials`, "PUT", {
      credentials: values,
      ...(provider === "DIALOG_360" && secret ? { webhookSecret: secret } : {}),
    });
    setBusy(false);
    if (!result.ok) {
      setErrors(result.error.fields);
      setMessage(result.error.message);
      return;
    }
    setValues({});
    setSecret("");
    setOpen(false);
    // New credentials are checked right away, so the number never reads as working on credentials nobody tried.
    const check = await sendJson<{ ok: boolean; detail: string }>(`/api/whatsapp/accounts/${accountId}/verify`, "POST");
    setSaved(check.ok ? (check.data.ok ? "ok" : check.data.detail) : check.error.message);
    router.refresh();
  }

  if (!open) {
    return (
      <div className="row">
        <button type="button" className="secondary" onClick={() => setOpen(true)}>Cambiar credenciales</button>
        {saved === "ok" ? <span role="status" className={styles.ok}>Credenciales guardadas y verificadas.</span> : null}
        {saved && saved !== "ok" ? <span role="alert" className="error">Credenciales guardadas, pero la verificación falló: {saved}</span> : null}
      </div>
    );
  }
  const err = (key: string) => errors[key] ?? errors[`credentials.${key}`];
  return (
    <form className="form" onSubmit={save} autoComplete="off">
      {fields.map((f) => (
        <div key={f.key} className="stack">
          <label htmlFor={`${id}-${f.key}`}>{f.label}</label>
          <input id={`${id}-${f.key}`} type="password" autoComplete="new-password" required value={values[f.key] ?? ""} onChange={(e) => setValues((v) => ({ ...v, [f.key]: e.target.value }))} aria-invalid={err(f.key) ? true : undefined} aria-describedby={err(f.key) ? `${id}-${f.key}-error` : undefined} />
          {err(f.key) ? <span id={`${id}-${f.key}-error`} className="error" role="alert">{err(f.key)}</span> : null}
        </div>
      ))}
      {provider === "DIALOG_360" ? (
        <div className="stack">
          <label htmlFor={`${id}-secret`}>Secreto del webhook (opcional, mínimo 16 caracteres)</label>
          <input id={`${id}-secret`} type="password" autoComplete="new-password" value={secret} onChange={(e) => setSecret(e.target.value)} aria-invalid={errors.webhookSecret ? true : undefined} />
          {errors.webhookSecret ? <span className="error" role="alert">{errors.webhookSecret}</span> : null}
        </div>
      ) : null}
      <div className="row">
        <button type="submit" disabled={busy}>{busy ? "Guardando…" : "Guardar credenciales"}</button>
        <button type="button" className="secondary" onClick={() => { setOpen(false); setValues({}); setSecret(""); setErrors({}); setMessage(null); }}>Cancelar</button>
      </div>
      {message && !fields.some((f) => err(f.key)) && !errors.webhookSecret ? <p className="error" role="alert">{message}</p> : null}
    </form>
  );
}

const WHEN = new Intl.DateTimeFormat("es-AR", { timeZone: "America/Argentina/Buenos_Aires", day: "2-digit", month: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });

// Tries the stored credentials against the provider and says, in Spanish, what came back.
export function VerifyButton({ accountId, label = "Verificar conexión" }: { accountId: string; label?: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  async function verify() {
    setBusy(true);
    setResult(null);
    const res = await sendJson<{ ok: boolean; detail: string; checkedAt: string }>(`/api/whatsapp/accounts/${accountId}/verify`, "POST");
    setBusy(false);
    if (!res.ok) {
      setResult({ ok: false, text: res.error.message });
      return;
    }
    setResult({ ok: res.data.ok, text: `${res.data.ok ? "✓ Conectado" : "✗ Sin conexión"}: ${res.data.detail} (${WHEN.format(new Date(res.data.checkedAt))})` });
    router.refresh();
  }
  return (
    <div className="stack">
      <button type="button" onClick={verify} disabled={busy}>{busy ? "Verificando…" : label}</button>
      {result ? <p className={result.ok ? styles.ok : "error"} role={result.ok ? "status" : "alert"} data-testid="verify-result">{result.text}</p> : null}
    </div>
  );
}
