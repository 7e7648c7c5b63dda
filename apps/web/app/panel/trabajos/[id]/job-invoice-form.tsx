"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { sendJson } from "@/components/settings/send-json";
import { DOC_TYPE_OPTIONS, formatMoney, formatRate } from "@/components/invoices/invoice-format";
import styles from "./detail.module.css";

export type IvaConditionOption = { id: number; label: string; letter: "A" | "B" | "C" };
export type InvoiceReceiver = { docType: number; docNumber: string; ivaConditionId: number; name: string; email: string };
type Totals = { byRate: { ivaRateBps: number; baseCents: number; ivaCents: number }[]; netCents: number; ivaCents: number; totalCents: number };

const DOC_PLACEHOLDER: Record<number, string> = { 80: "20-12345678-3", 86: "20-12345678-3", 96: "12.345.678" };

// Issues the job's invoice: the receiver comes from the customer's data (what is typed here is kept for next time),
// the class follows from both IVA conditions (the server's own rule, computed there for every condition), the lines
// are the job's. ARCA is asked for the CAE right away; the invoice page shows it when it arrives.
export function JobInvoiceForm({ jobId, initial, conditions, totals }: { jobId: string; initial: InvoiceReceiver; conditions: IvaConditionOption[]; totals: Totals }) {
  const router = useRouter();
  const id = useId();
  const [v, setV] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const anonymous = v.docType === 99;
  const ivaConditionId = anonymous ? 5 : v.ivaConditionId;
  const letter = conditions.find((c) => c.id === ivaConditionId)?.letter ?? "B";
  const set = <K extends keyof InvoiceReceiver>(key: K, value: InvoiceReceiver[K]) => setV((prev) => ({ ...prev, [key]: value }));
  const err = (key: string) => errors[key] ?? errors[`receiver.${key}`];

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setMessage(null);
    const receiver = {
      docType: v.docType,
      docNumber: anonymous ? "0" : v.docNumber.trim(),
      ivaConditionId,
      name: v.name.trim(),
      email: v.email.trim() || null,
    };
    const result = await sendJson<{ id: string }>("/api/invoices", "POST", { jobId, receiver, authorize: true });
    if (!result.ok) {
      setBusy(false);
      setErrors(result.error.fields);
      const shown = ["docType", "docNumber", "ivaConditionId", "name", "email"].some((k) => result.error.fields[k] || result.error.fields[`receiver.${k}`]);
      setMessage(shown ? "Revisá los datos marcados." : result.error.message);
      return;
    }
    router.push(`/panel/facturas/${result.data.id}`);
  }

  const fieldError = (key: string) => (err(key) ? <span id={`${id}-${key}-error`} className="error" role="alert">{err(key)}</span> : null);
  const described = (key: string) => (err(key) ? { "aria-invalid": true as const, "aria-describedby": `${id}-${key}-error` } : {});
  const total = letter === "C" ? totals.netCents : totals.totalCents;

  return (
    <form className="form" onSubmit={submit} aria-label="Facturar el trabajo">
      <p className={styles.letter} data-testid="invoice-letter" aria-live="polite">
        Se va a emitir una <strong>Factura {letter}</strong>
        <span className="muted">
          {letter === "A" ? " (el cliente es responsable inscripto o monotributista: necesita su CUIT)" : letter === "B" ? " (consumidor final, exento u otros)" : " (sin IVA discriminado)"}
        </span>
      </p>
      <div className={styles.receiverGrid}>
        <div className="stack">
          <label htmlFor={`${id}-docType`}>Documento</label>
          <select id={`${id}-docType`} value={v.docType} onChange={(e) => set("docType", Number(e.target.value))} {...described("docType")}>
            {DOC_TYPE_OPTIONS.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </select>
          {fieldError("docType")}
        </div>
        {anonymous ? null : (
          <div className="stack">
            <label htmlFor={`${id}-docNumber`}>Número</label>
            <input id={`${id}-docNumber`} inputMode="numeric" autoComplete="off" value={v.docNumber} maxLength={13} placeholder={DOC_PLACEHOLDER[v.docType]} onChange={(e) => set("docNumber", e.target.value)} required {...described("docNumber")} />
            {fieldError("docNumber")}
          </div>
        )}
        <div className="stack">
          <label htmlFor={`${id}-iva`}>Condición frente al IVA</label>
          <select id={`${id}-iva`} value={ivaConditionId} disabled={anonymous} onChange={(e) => set("ivaConditionId", Number(e.target.value))} {...described("ivaConditionId")}>
            {conditions.map((c) => <option key={c.id} value={c.id}>{c.label}</option>)}
          </select>
          {anonymous ? <span className="muted">Sin documento solo se factura a un consumidor final.</span> : null}
          {fieldError("ivaConditionId")}
        </div>
        <div className="stack">
          <label htmlFor={`${id}-name`}>Nombre o razón social</label>
          <input id={`${id}-name`} value={v.name} maxLength={120} onChange={(e) => set("name", e.target.value)} required {...described("name")} />
          {fieldError("name")}
        </div>
        <div className="stack">
          <label htmlFor={`${id}-email`}>Email (opcional)</label>
          <input id={`${id}-email`} type="email" value={v.email} maxLength={200} placeholder="para mandarle el PDF" onChange={(e) => set("email", e.target.value)} {...described("email")} />
          {fieldError("email")}
        </div>
      </div>
      <dl className={styles.totals} aria-label="Totales de la factura">
        {letter === "C" ? null : (
          <>
            <dt>Neto</dt>
            <dd>{formatMoney(totals.byRate.filter((r) => r.ivaRateBps !== 0).reduce((s, r) => s + r.baseCents, 0))}</dd>
            {totals.byRate.filter((r) => r.ivaRateBps !== 0).map((r) => (
              <FragmentRow key={r.ivaRateBps} term={`IVA ${formatRate(r.ivaRateBps)}`} value={formatMoney(r.ivaCents)} />
            ))}
            {totals.byRate.some((r) => r.ivaRateBps === 0) ? <FragmentRow term="Exento" value={formatMoney(totals.byRate.find((r) => r.ivaRateBps === 0)!.baseCents)} /> : null}
          </>
        )}
        <dt className={styles.grand}>Total a facturar</dt>
        <dd className={styles.grand}>{formatMoney(total)}</dd>
      </dl>
      <div className="row">
        <button type="submit" disabled={busy}>{busy ? "Emitiendo…" : `Emitir Factura ${letter}`}</button>
        <span className="muted">Se pide el CAE a ARCA y se le manda al cliente por WhatsApp.</span>
      </div>
      {message ? <p className="error" role="alert" style={{ margin: 0 }}>{message}</p> : null}
    </form>
  );
}

function FragmentRow({ term, value }: { term: string; value: string }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{value}</dd>
    </>
  );
}
