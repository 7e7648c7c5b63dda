"use client";

import { useId, useState } from "react";
import { formatMoneyInputAr, parseMoneyAr } from "@campotech/core/lib/money-ar";
import { sendJson } from "@/components/settings/send-json";
import { IVA_RATE_LABEL, SERVICE_LABEL, SERVICE_TYPES } from "@/lib/panel/jobs/jobs-format";
import styles from "./prices.module.css";

export type PriceItem = { id: string; code: string; name: string; description: string | null; serviceType: string; unit: string; priceCents: number; ivaRateBps: number; active: boolean };

const IVA_OPTIONS = [2100, 1050, 2700, 0] as const;

// One form for a new item and for editing one. The price is typed in pesos as people write it ("12.500,50") and
// sent as centavos; the server's Spanish reasons show next to each field.
export function PriceItemForm({ item, onDone, onCancel }: { item?: PriceItem; onDone: (saved: PriceItem) => void; onCancel: () => void }) {
  const id = useId();
  const [code, setCode] = useState(item?.code ?? "");
  const [name, setName] = useState(item?.name ?? "");
  const [serviceType, setServiceType] = useState(item?.serviceType ?? "PLUMBING");
  const [unit, setUnit] = useState(item?.unit ?? "servicio");
  const [price, setPrice] = useState(item ? formatMoneyInputAr(item.priceCents) : "");
  const [ivaRateBps, setIvaRateBps] = useState(item?.ivaRateBps ?? 2100);
  const [description, setDescription] = useState(item?.description ?? "");
  const [busy, setBusy] = useState(false);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setError(null);
    const priceCents = parseMoneyAr(price);
    if (priceCents === null) {
      setFields({ priceCents: "Escribí el precio en pesos, por ejemplo 12.500,50." });
      return;
    }
    setFields({});
    setBusy(true);
    const common = { name: name.trim(), serviceType, unit: unit.trim(), priceCents, ivaRateBps, description: description.trim() || null };
    const result = item
      ? await sendJson<PriceItem>(`/api/price-list/${encodeURIComponent(item.id)}`, "PATCH", common)
      : await sendJson<PriceItem>("/api/price-list", "POST", { code: code.trim(), ...common });
    setBusy(false);
    if (!result.ok) {
      setFields(result.error.fields);
      setError(result.error.message);
      return;
    }
    onDone(result.data);
  }

  const fieldError = (key: string) => (fields[key] ? <span id={`${id}-${key}-error`} className="error" role="alert">{fields[key]}</span> : null);
  const aria = (key: string) => ({ "aria-invalid": fields[key] ? true : undefined, "aria-describedby": fields[key] ? `${id}-${key}-error` : undefined });

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label={item ? `Editar ${item.name}` : "Nuevo ítem"}>
      {item ? null : (
        <label>Código<input value={code} onChange={(e) => setCode(e.target.value)} maxLength={40} required autoComplete="off" {...aria("code")} />{fieldError("code")}</label>
      )}
      <label className={item ? styles.wide : undefined}>Nombre<input value={name} onChange={(e) => setName(e.target.value)} maxLength={120} required {...aria("name")} />{fieldError("name")}</label>
      <label>Servicio
        <select value={serviceType} onChange={(e) => setServiceType(e.target.value)} {...aria("serviceType")}>
          {SERVICE_TYPES.map((s) => <option key={s} value={s}>{SERVICE_LABEL[s]}</option>)}
        </select>
        {fieldError("serviceType")}
      </label>
      <label>Unidad<input value={unit} onChange={(e) => setUnit(e.target.value)} maxLength={30} placeholder="servicio, hora, metro…" {...aria("unit")} />{fieldError("unit")}</label>
      <label>Precio sin IVA ($)<input value={price} onChange={(e) => setPrice(e.target.value)} inputMode="decimal" placeholder="12.500,50" autoComplete="off" {...aria("priceCents")} />{fieldError("priceCents")}</label>
      <label>IVA
        <select value={ivaRateBps} onChange={(e) => setIvaRateBps(Number(e.target.value))} {...aria("ivaRateBps")}>
          {IVA_OPTIONS.map((rate) => <option key={rate} value={rate}>{IVA_RATE_LABEL[rate]}</option>)}
        </select>
        {fieldError("ivaRateBps")}
      </label>
      <label className={styles.wide}>Descripción (opcional)<input value={description} onChange={(e) => setDescription(e.target.value)} maxLength={1000} {...aria("description")} />{fieldError("description")}</label>
      <div className={`row ${styles.wide}`}>
        <button type="submit" disabled={busy}>{busy ? "Guardando…" : item ? "Guardar cambios" : "Agregar ítem"}</button>
        <button type="button" className="secondary" onClick={onCancel} disabled={busy}>Cancelar</button>
      </div>
      {error && Object.keys(fields).length === 0 ? <p className={`error ${styles.wide}`} role="alert">{error}</p> : null}
    </form>
  );
}
