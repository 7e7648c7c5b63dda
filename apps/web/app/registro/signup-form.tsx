"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent, type ReactNode } from "react";
import styles from "./signup.module.css";

type Step = { kind: "phone" } | { kind: "business"; phone: string };
type Result = { ok: true; data: Record<string, unknown> } | { ok: false; message: string; fields: Record<string, string> };

const TRADES = [
  ["PLUMBING", "Plomería"], ["GAS", "Gas"], ["ELECTRICAL", "Electricidad"], ["HVAC", "Climatización"], ["DRAINAGE", "Destapaciones"], ["GENERAL", "General"],
] as const;
const IVA = [["MONOTRIBUTO", "Monotributo"], ["RESPONSABLE_INSCRIPTO", "Responsable inscripto"], ["EXENTO", "Exento"]] as const;

async function post(path: string, body: unknown): Promise<Result> {
  const res = await fetch(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const data = (await res.json().catch(() => null)) as Record<string, unknown> | null;
  if (res.ok) return { ok: true, data: data ?? {} };
  const error = (data?.error ?? {}) as { message?: string; fields?: Record<string, string> };
  // Route validation names nested fields "trades.0": the form shows them under the field itself.
  const fields = Object.fromEntries(Object.entries(error.fields ?? {}).map(([k, v]) => [k.split(".")[0]!, v]));
  return { ok: false, message: error.message ?? "No pudimos completar el pedido. Probá de nuevo.", fields };
}

// Step 1: the owner's mobile gets a code by SMS. Step 2: the code and the business; the answer carries the session
// cookies, so the browser goes straight to the dashboard.
export function SignupForm() {
  const router = useRouter();
  const [step, setStep] = useState<Step>({ kind: "phone" });
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const fail = (result: Extract<Result, { ok: false }>) => {
    setFields(result.fields);
    const messages = Object.values(result.fields);
    // Said once: a message already shown under its only field is not repeated above the button.
    if (messages.length === 1 && messages[0] === result.message) setError(null);
    else setError(result.message === "Los datos enviados no son válidos." ? "Revisá los datos marcados." : result.message);
  };

  async function requestCode(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const phone = String(new FormData(event.currentTarget).get("phone") ?? "").trim();
    setBusy(true);
    setError(null);
    setFields({});
    const result = await post("/api/signup/code", { phone });
    setBusy(false);
    if (result.ok) setStep({ kind: "business", phone });
    else fail(result);
  }

  async function createAccount(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (step.kind !== "business") return;
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    setBusy(true);
    setError(null);
    setFields({});
    const result = await post("/api/signup", {
      phone: step.phone, code: text("code"), businessName: text("businessName"), cuit: text("cuit"), ivaCondition: text("ivaCondition"),
      trades: form.getAll("trades").map(String), areaCode: text("areaCode"), locality: text("locality"), ownerName: text("ownerName"), email: text("email"), plan: text("plan"),
    });
    if (result.ok) {
      router.replace(typeof result.data.redirectTo === "string" ? result.data.redirectTo : "/panel");
      router.refresh();
      return;
    }
    setBusy(false);
    fail(result);
  }

  const fieldError = (name: string): ReactNode =>
    fields[name] ? <span id={`err-${name}`} className={styles.fieldError}>{fields[name]}</span> : null;
  const described = (name: string) => (fields[name] ? { "aria-invalid": true, "aria-describedby": `err-${name}` } : {});
  const alert = error ? <p id="signup-error" role="alert" className="error">{error}</p> : null;

  if (step.kind === "phone") {
    return (
      <form className="card form" onSubmit={requestCode} noValidate>
        <label>
          Tu celular
          <input name="phone" type="tel" inputMode="tel" autoComplete="tel" placeholder="11 4000-0001" required autoFocus {...described("phone")} />
        </label>
        {fieldError("phone")}
        <p className="muted">Es el celular del dueño: con él vas a ingresar a CampoTech.</p>
        {alert}
        <button type="submit" disabled={busy}>Enviarme el código</button>
      </form>
    );
  }

  return (
    <form className="card form" onSubmit={createAccount} noValidate>
      <p className={styles.sent} data-testid="code-sent">Te mandamos un código por SMS al {step.phone}.</p>
      <label>
        Código
        <input name="code" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9]{6}" maxLength={6} required autoFocus {...described("code")} />
      </label>
      {fieldError("code")}
      <label>
        Nombre del negocio
        <input name="businessName" autoComplete="organization" required maxLength={120} {...described("businessName")} />
      </label>
      {fieldError("businessName")}
      <label>
        CUIT
        <input name="cuit" inputMode="numeric" placeholder="20-12345678-3" required maxLength={13} {...described("cuit")} />
      </label>
      {fieldError("cuit")}
      <label>
        Condición frente al IVA
        <select name="ivaCondition" defaultValue="" required {...described("ivaCondition")}>
          <option value="" disabled>Elegí una opción</option>
          {IVA.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
        </select>
      </label>
      {fieldError("ivaCondition")}
      <fieldset className={styles.checks} {...described("trades")}>
        <legend>Rubros</legend>
        {TRADES.map(([value, label]) => (
          <label key={value} className="inline"><input type="checkbox" name="trades" value={value} /> {label}</label>
        ))}
      </fieldset>
      {fieldError("trades")}
      <div className={styles.pair}>
        <div className="stack">
          <label>
            Código de área
            <input name="areaCode" inputMode="numeric" placeholder="11" defaultValue="11" required maxLength={4} {...described("areaCode")} />
          </label>
          {fieldError("areaCode")}
        </div>
        <div className="stack">
          <label>
            Localidad
            <input name="locality" autoComplete="address-level2" placeholder="Lanús" required maxLength={80} {...described("locality")} />
          </label>
          {fieldError("locality")}
        </div>
      </div>
      <label>
        Tu nombre
        <input name="ownerName" autoComplete="name" required maxLength={80} {...described("ownerName")} />
      </label>
      {fieldError("ownerName")}
      <label>
        Email (opcional)
        <input name="email" type="email" autoComplete="email" maxLength={120} {...described("email")} />
      </label>
      {fieldError("email")}
      <fieldset className={styles.plans} {...described("plan")}>
        <legend>Plan</legend>
        <label className={`inline ${styles.plan}`}>
          <input type="radio" name="plan" value="FREE" defaultChecked />
          <span>Gratis<small>Para empezar, sin costo.</small></span>
        </label>
        <label className={`inline ${styles.plan}`}>
          <input type="radio" name="plan" value="PROFESIONAL_TRIAL" />
          <span>Probar Profesional 14 días<small>Todo el plan Profesional; si al terminar no lo contratás, seguís en el plan Gratis.</small></span>
        </label>
      </fieldset>
      {fieldError("plan")}
      {alert}
      <button type="submit" disabled={busy}>Crear mi cuenta</button>
      <button type="button" className="link" onClick={() => { setStep({ kind: "phone" }); setError(null); setFields({}); }}>
        Cambiar el número
      </button>
    </form>
  );
}
