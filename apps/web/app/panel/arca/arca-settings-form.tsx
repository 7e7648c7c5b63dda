"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { sendJson } from "@/components/settings/send-json";
import styles from "./arca.module.css";

export type FiscalData = {
  businessName: string;
  cuit: string;
  businessAddress: string;
  issuerCondition: "RESPONSABLE_INSCRIPTO" | "MONOTRIBUTO" | "EXENTO";
  grossIncomeNumber: string;
  activityStartDate: string; // as typed here: dd/mm/aaaa
  environment: "HOMOLOGACION" | "PRODUCCION";
  pointOfSale: string;
};

// "01/03/2015" → "2015-03-01"; "" → null; anything else → undefined (the field says how to write it).
function toIsoDay(text: string): string | null | undefined {
  const t = text.trim();
  if (!t) return null;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (!m) return undefined;
  const iso = `${m[3]}-${m[2]!.padStart(2, "0")}-${m[1]!.padStart(2, "0")}`;
  const d = new Date(`${iso}T12:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? undefined : iso;
}

// The fiscal data printed on every invoice, the environment and the point of sale: PUT /api/settings/arca.
// Going to producción asks for an explicit confirmation: from then on every invoice is real.
export function ArcaSettingsForm({ initial, savedEnvironment, issuerConditions, canEdit }: { initial: FiscalData; savedEnvironment: FiscalData["environment"] | null; issuerConditions: { value: FiscalData["issuerCondition"]; label: string }[]; canEdit: boolean }) {
  const router = useRouter();
  const id = useId();
  const [v, setV] = useState(initial);
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const set = <K extends keyof FiscalData>(key: K, value: FiscalData[K]) => setV((prev) => ({ ...prev, [key]: value }));
  const toProduction = v.environment === "PRODUCCION" && savedEnvironment !== "PRODUCCION";

  async function save(event: React.FormEvent) {
    event.preventDefault();
    setErrors({});
    setMessage(null);
    const pointOfSale = v.pointOfSale.trim() === "" ? null : Number(v.pointOfSale);
    if (pointOfSale !== null && !Number.isInteger(pointOfSale)) {
      setErrors({ pointOfSale: "El punto de venta es un número (por ejemplo 2)." });
      return;
    }
    const activityStartDate = toIsoDay(v.activityStartDate);
    if (activityStartDate === undefined) {
      setErrors({ activityStartDate: "Escribí la fecha como dd/mm/aaaa (por ejemplo 01/03/2015)." });
      return;
    }
    setBusy(true);
    const result = await sendJson("/api/settings/arca", "PUT", {
      environment: v.environment,
      cuit: v.cuit.trim(),
      pointOfSale,
      issuerCondition: v.issuerCondition,
      businessName: v.businessName.trim(),
      businessAddress: v.businessAddress.trim(),
      grossIncomeNumber: v.grossIncomeNumber.trim() || null,
      activityStartDate,
    });
    setBusy(false);
    if (!result.ok) {
      setErrors(result.error.fields);
      const shown = Object.keys(result.error.fields).some((k) => k in initial);
      setMessage({ error: true, text: shown ? "Revisá los datos marcados." : result.error.message });
      return;
    }
    setConfirmed(false);
    setMessage({ error: false, text: "Datos fiscales guardados." });
    router.refresh();
  }

  const fieldError = (key: string) => (errors[key] ? <span id={`${id}-${key}-error`} className="error" role="alert">{errors[key]}</span> : null);
  const described = (key: string) => (errors[key] ? { "aria-invalid": true as const, "aria-describedby": `${id}-${key}-error` } : {});
  const text = (key: "businessName" | "cuit" | "businessAddress" | "grossIncomeNumber", label: string, extra: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <div className={`stack ${key === "businessAddress" ? styles.wide : ""}`}>
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input id={`${id}-${key}`} value={v[key]} onChange={(e) => set(key, e.target.value)} {...described(key)} {...extra} />
      {fieldError(key)}
    </div>
  );

  return (
    <form className="form" onSubmit={save} aria-label="Datos fiscales">
      <fieldset className={styles.fieldset} disabled={!canEdit || busy}>
        <div className={styles.fields}>
          {text("businessName", "Razón social", { required: true, maxLength: 120, placeholder: "Como figura en ARCA" })}
          {text("cuit", "CUIT", { required: true, inputMode: "numeric", maxLength: 13, placeholder: "30-71234567-1" })}
          <div className="stack">
            <label htmlFor={`${id}-issuer`}>Condición frente al IVA</label>
            <select id={`${id}-issuer`} value={v.issuerCondition} onChange={(e) => set("issuerCondition", e.target.value as FiscalData["issuerCondition"])} {...described("issuerCondition")}>
              {issuerConditions.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
            </select>
            <span className={styles.hint}>{v.issuerCondition === "RESPONSABLE_INSCRIPTO" ? "Emitís facturas A y B." : "Emitís facturas C."}</span>
            {fieldError("issuerCondition")}
          </div>
          <div className="stack">
            <label htmlFor={`${id}-pos`}>Punto de venta</label>
            <input id={`${id}-pos`} inputMode="numeric" value={v.pointOfSale} maxLength={5} placeholder="Ej.: 2" onChange={(e) => set("pointOfSale", e.target.value)} {...described("pointOfSale")} />
            <span className={styles.hint}>Uno de tipo «Web Services» (RECE), creado en ARCA.</span>
            {fieldError("pointOfSale")}
          </div>
          {text("businessAddress", "Domicilio comercial", { required: true, maxLength: 200 })}
          {text("grossIncomeNumber", "Ingresos Brutos (opcional)", { maxLength: 30, placeholder: "N° de inscripción o «Exento»" })}
          <div className="stack">
            <label htmlFor={`${id}-start`}>Inicio de actividades (opcional)</label>
            <input id={`${id}-start`} inputMode="numeric" placeholder="dd/mm/aaaa" maxLength={10} value={v.activityStartDate} onChange={(e) => set("activityStartDate", e.target.value)} {...described("activityStartDate")} />
            {fieldError("activityStartDate")}
          </div>
          <fieldset className={`${styles.envChoice} ${styles.wide}`}>
            <legend>Ambiente</legend>
            <label className="inline">
              <input type="radio" name={`${id}-env`} checked={v.environment === "HOMOLOGACION"} onChange={() => set("environment", "HOMOLOGACION")} />
              Homologación (pruebas, sin validez fiscal)
            </label>
            <label className="inline">
              <input type="radio" name={`${id}-env`} checked={v.environment === "PRODUCCION"} onChange={() => set("environment", "PRODUCCION")} />
              Producción (facturas reales)
            </label>
            {fieldError("environment")}
          </fieldset>
          {v.environment === "PRODUCCION" ? (
            <div className={`${styles.warning} ${styles.wide}`} role="note">
              <p><strong>Producción: cada comprobante es real.</strong> Tiene validez fiscal, usa la numeración oficial de tu punto de venta y no se puede borrar: solo se anula con una nota de crédito.</p>
              <p>Necesitás un certificado de producción (el de homologación no sirve) con el servicio «wsfe» asociado.</p>
              {toProduction && canEdit ? (
                <label className="inline">
                  <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} required />
                  Entiendo: quiero facturar en producción.
                </label>
              ) : null}
            </div>
          ) : null}
        </div>
        {canEdit ? (
          <div className="row" style={{ marginTop: "1rem" }}>
            <button type="submit" disabled={busy || (toProduction && !confirmed)}>{busy ? "Guardando…" : "Guardar datos fiscales"}</button>
          </div>
        ) : null}
      </fieldset>
      {message ? <p className={message.error ? "error" : styles.ok} role={message.error ? "alert" : "status"} style={{ margin: 0 }}>{message.text}</p> : null}
    </form>
  );
}
