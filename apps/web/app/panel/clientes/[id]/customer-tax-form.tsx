"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { sendJson } from "@/components/settings/send-json";
import { DOC_TYPE_OPTIONS } from "@/components/invoices/invoice-format";
import styles from "../customers.module.css";

export type TaxData = { email: string; docType: number; docNumber: string; ivaConditionId: number };

// What invoices to this customer start from: email (for the PDF), document and IVA condition. "Consumidor final
// sin identificar" clears the document (PATCH /api/customers/{id} with nulls).
export function CustomerTaxForm({ customerId, initial, conditions }: { customerId: string; initial: TaxData; conditions: { id: number; label: string }[] }) {
  const router = useRouter();
  const id = useId();
  const [v, setV] = useState(initial);
  const [saved, setSaved] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const anonymous = v.docType === 99;
  const set = <K extends keyof TaxData>(key: K, value: TaxData[K]) => setV((prev) => ({ ...prev, [key]: value }));
  const dirty = JSON.stringify(v) !== JSON.stringify(saved);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setMessage(null);
    const body = {
      email: v.email.trim(),
      taxDocType: anonymous ? null : v.docType,
      taxDocNumber: anonymous ? null : v.docNumber.trim(),
      ivaConditionId: anonymous ? 5 : v.ivaConditionId,
    };
    const result = await sendJson<{ email: string | null; taxDocType: number | null; taxDocNumber: string | null; ivaConditionId: number | null }>(`/api/customers/${customerId}`, "PATCH", body);
    setBusy(false);
    if (!result.ok) {
      setErrors(result.error.fields);
      const shown = ["email", "taxDocType", "taxDocNumber", "ivaConditionId"].some((k) => result.error.fields[k]);
      setMessage({ error: true, text: shown ? "Revisá los datos marcados." : result.error.message });
      return;
    }
    const next = { email: result.data.email ?? "", docType: result.data.taxDocType ?? 99, docNumber: result.data.taxDocNumber ?? "", ivaConditionId: result.data.ivaConditionId ?? 5 };
    setV(next);
    setSaved(next);
    setMessage({ error: false, text: "Datos para facturar guardados." });
    router.refresh();
  }

  const fieldError = (key: string) => (errors[key] ? <span id={`${id}-${key}-error`} className="error" role="alert">{errors[key]}</span> : null);
  const described = (key: string) => (errors[key] ? { "aria-invalid": true as const, "aria-describedby": `${id}-${key}-error` } : {});

  return (
    <form className={`form ${styles.taxForm}`} onSubmit={submit} aria-label="Datos para facturar">
      <div className="stack">
        <label htmlFor={`${id}-email`}>Email</label>
        <input id={`${id}-email`} type="email" value={v.email} maxLength={200} placeholder="para mandarle las facturas" onChange={(e) => set("email", e.target.value)} {...described("email")} />
        {fieldError("email")}
      </div>
      <div className="stack">
        <label htmlFor={`${id}-docType`}>Documento</label>
        <select id={`${id}-docType`} value={v.docType} onChange={(e) => set("docType", Number(e.target.value))} {...described("taxDocType")}>
          {DOC_TYPE_OPTIONS.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
        {fieldError("taxDocType")}
      </div>
      {anonymous ? null : (
        <div className="stack">
          <label htmlFor={`${id}-docNumber`}>Número de documento</label>
          <input id={`${id}-docNumber`} inputMode="numeric" autoComplete="off" value={v.docNumber} maxLength={13} onChange={(e) => set("docNumber", e.target.value)} required {...described("taxDocNumber")} />
          {fieldError("taxDocNumber")}
        </div>
      )}
      <div className="stack">
        <label htmlFor={`${id}-iva`}>Condición frente al IVA</label>
        <select id={`${id}-iva`} value={anonymous ? 5 : v.ivaConditionId} disabled={anonymous} onChange={(e) => set("ivaConditionId", Number(e.target.value))} {...described("ivaConditionId")}>
          {conditions.map((c) => <option key={c.id} value={c.id}>{c.label}</option>)}
        </select>
        {fieldError("ivaConditionId")}
      </div>
      <div className="row">
        <button type="submit" disabled={busy || !dirty}>{busy ? "Guardando…" : "Guardar datos para facturar"}</button>
        {message ? <span className={message.error ? "error" : "muted"} role={message.error ? "alert" : "status"}>{message.text}</span> : null}
      </div>
    </form>
  );
}
