"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { sendJson } from "@/components/settings/send-json";
import { formatMoney, formatQuantity, formatRate, parsePesos, parseQuantity } from "@/components/invoices/invoice-format";
import styles from "./invoice.module.css";

type Line = { description: string; quantityMilli: number; unitPriceCents: number; ivaRateBps: number };
type Draft = { key: number; description: string; quantity: string; unitPrice: string; ivaRateBps: number };
const RATES = [2100, 1050, 2700, 0];
// "38.000" or "8.500,50": what parsePesos reads back.
const pesosInput = (cents: number) => new Intl.NumberFormat("es-AR", { minimumFractionDigits: cents % 100 ? 2 : 0, maximumFractionDigits: 2 }).format(cents / 100);
let seq = 0;

// Integer rounding half away from zero, as the server computes (IVA per rate on the summed base).
const divRound = (n: number, d: number) => Math.sign(n) * Math.floor((2 * Math.abs(n) + d) / (2 * d));
function estimate(lines: Line[], letter: string): number {
  const nets = lines.map((l) => divRound(l.quantityMilli * l.unitPriceCents, 1000));
  const net = nets.reduce((a, b) => a + b, 0);
  if (letter === "C") return net;
  const iva = RATES.reduce((sum, rate) => sum + divRound(lines.reduce((base, l, i) => (l.ivaRateBps === rate ? base + nets[i]! : base), 0) * rate, 10_000), 0);
  return net + iva;
}

// A credit note on an authorized invoice: the whole of it (only while nothing was credited yet), or the lines the
// office types — amounts in pesos, sent as centavos — up to what is left to credit. ARCA authorizes it like an invoice.
export function CreditNoteForm({ invoiceId, letter, totalCents, creditableCents, lines }: { invoiceId: string; letter: string; totalCents: number; creditableCents: number; lines: Line[] }) {
  const router = useRouter();
  const id = useId();
  const wholeAllowed = creditableCents === totalCents;
  const [open, setOpen] = useState(false);
  const [mode, setMode] = useState<"total" | "partial">(wholeAllowed ? "total" : "partial");
  const [drafts, setDrafts] = useState<Draft[]>(() =>
    lines.map((l) => ({ key: ++seq, description: l.description, quantity: formatQuantity(l.quantityMilli), unitPrice: pesosInput(l.unitPriceCents), ivaRateBps: letter === "C" ? 0 : l.ivaRateBps })),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const parsed = drafts.map((d) => ({ description: d.description.trim(), quantityMilli: parseQuantity(d.quantity), unitPriceCents: parsePesos(d.unitPrice), ivaRateBps: d.ivaRateBps }));
  const complete = parsed.every((l) => l.description && l.quantityMilli !== null && l.unitPriceCents !== null);
  const partialTotal = complete && parsed.length ? estimate(parsed as Line[], letter) : null;
  const over = partialTotal !== null && partialTotal > creditableCents;
  const update = (key: number, patch: Partial<Draft>) => setDrafts((ds) => ds.map((d) => (d.key === key ? { ...d, ...patch } : d)));

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setError(null);
    let body: unknown;
    if (mode === "partial") {
      for (const [i, l] of parsed.entries()) {
        if (!l.description) return setError(`Ítem ${i + 1}: falta la descripción.`);
        if (l.quantityMilli === null) return setError(`Ítem ${i + 1}: la cantidad tiene que ser mayor que cero (por ejemplo 1 o 1,5).`);
        if (l.unitPriceCents === null) return setError(`Ítem ${i + 1}: el precio no es válido (por ejemplo 45.000 o 1.234,50).`);
      }
      if (!parsed.length) return setError("Agregá al menos un ítem a acreditar.");
      if (over) return setError(`La nota de crédito supera lo que queda por acreditar (${formatMoney(creditableCents)}).`);
      body = { lines: parsed };
    }
    setBusy(true);
    const result = await sendJson<{ id: string }>(`/api/invoices/${invoiceId}/credit-notes`, "POST", body);
    setBusy(false);
    if (!result.ok) {
      const extra = Object.values(result.error.fields).filter((f) => f && f !== result.error.message);
      return setError([result.error.message, ...extra].join(" "));
    }
    router.push(`/panel/facturas/${result.data.id}`);
  }

  if (!open) {
    return (
      <button type="button" className="secondary" onClick={() => setOpen(true)} aria-expanded={false}>
        Nota de crédito
      </button>
    );
  }
  return (
    <form className={styles.creditForm} onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} style={{ margin: 0, fontSize: "1rem" }}>Nota de crédito</h3>
      <p className="muted" style={{ margin: 0 }}>
        Queda por acreditar: <span className={styles.max}>{formatMoney(creditableCents)}</span>
        {wholeAllowed ? null : ` de ${formatMoney(totalCents)}`}.
      </p>
      <fieldset className={styles.choice}>
        <legend>¿Qué acreditás?</legend>
        <label className="inline">
          <input type="radio" name={`${id}-mode`} checked={mode === "total"} disabled={!wholeAllowed} onChange={() => setMode("total")} />
          Toda la factura ({formatMoney(totalCents)})
        </label>
        <label className="inline">
          <input type="radio" name={`${id}-mode`} checked={mode === "partial"} onChange={() => setMode("partial")} />
          Una parte (ítems y montos)
        </label>
        {!wholeAllowed ? <span className="muted">La factura ya tiene notas de crédito: indicá qué acreditar.</span> : null}
      </fieldset>
      {mode === "partial" ? (
        <div className={styles.creditLines}>
          {drafts.map((d, i) => (
            <div key={d.key} className={styles.creditLine} role="group" aria-label={`Ítem ${i + 1} a acreditar`}>
              <label>
                Descripción
                <input value={d.description} maxLength={200} onChange={(e) => update(d.key, { description: e.target.value })} />
              </label>
              <div className={`${styles.lineRow} ${letter === "C" ? styles.noIva : ""}`}>
                <label>
                  Cantidad
                  <input inputMode="decimal" value={d.quantity} onChange={(e) => update(d.key, { quantity: e.target.value })} />
                </label>
                <label>
                  {letter === "C" ? "Precio" : "Precio sin IVA"}
                  <input inputMode="decimal" value={d.unitPrice} onChange={(e) => update(d.key, { unitPrice: e.target.value })} />
                </label>
                {letter === "C" ? null : (
                  <label>
                    IVA
                    <select value={d.ivaRateBps} onChange={(e) => update(d.key, { ivaRateBps: Number(e.target.value) })}>
                      {RATES.map((r) => <option key={r} value={r}>{formatRate(r)}</option>)}
                    </select>
                  </label>
                )}
              </div>
              {drafts.length > 1 ? (
                <button type="button" className="link" onClick={() => setDrafts((ds) => ds.filter((x) => x.key !== d.key))} style={{ justifySelf: "start" }}>
                  Quitar ítem {i + 1}
                </button>
              ) : null}
            </div>
          ))}
          <button type="button" className="link" style={{ justifySelf: "start" }} onClick={() => setDrafts((ds) => [...ds, { key: ++seq, description: "", quantity: "1", unitPrice: "", ivaRateBps: letter === "C" ? 0 : 2100 }])}>
            Agregar ítem
          </button>
          <p className={over ? "error" : "muted"} style={{ margin: 0 }} aria-live="polite">
            Total de la nota{letter === "C" ? "" : " (con IVA)"}: <span className={styles.nowrap}>{partialTotal === null ? "—" : formatMoney(partialTotal)}</span> · máximo{" "}
            <span className={styles.nowrap}>{formatMoney(creditableCents)}</span>
          </p>
        </div>
      ) : null}
      <div className="row">
        <button type="submit" disabled={busy || (mode === "partial" && over)}>{busy ? "Emitiendo…" : "Emitir nota de crédito"}</button>
        <button type="button" className="secondary" onClick={() => { setOpen(false); setError(null); }}>Cancelar</button>
      </div>
      {error ? <p className="error" role="alert" style={{ margin: 0 }}>{error}</p> : null}
    </form>
  );
}
