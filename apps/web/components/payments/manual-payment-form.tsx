"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { formatMoney, parsePesos } from "@/components/invoices/invoice-format";
import { sendJson } from "@/components/settings/send-json";
import { newIdempotencyKey, pesosInput, targetBody, type ChargeTarget, type PaymentItem } from "./payment-format";
import styles from "./payments.module.css";

// Cash or a bank transfer received outside MercadoPago: method, amount (up to what is due) and an optional note.
// One Idempotency-Key per submission, kept while it fails, so a retry after a lost answer records it once.
export function ManualPaymentForm({ target, dueCents, customerName, onDone }: { target: ChargeTarget; dueCents: number; customerName: string; onDone: (message: string) => void }) {
  const router = useRouter();
  const id = useId();
  const [method, setMethod] = useState<"CASH" | "TRANSFER">("CASH");
  const [amount, setAmount] = useState(pesosInput(dueCents));
  const [note, setNote] = useState("");
  const [notify, setNotify] = useState(true);
  const [key] = useState(newIdempotencyKey);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setError(null);
    const cents = parsePesos(amount);
    if (cents === null || cents <= 0) return setError("Escribí el monto en pesos, por ejemplo 10.000 o 10.000,50.");
    if (cents > dueCents) return setError(`Falta cobrar ${formatMoney(dueCents)}: no se puede registrar más.`);
    setBusy(true);
    const result = await sendJson<PaymentItem>(
      "/api/payments",
      "POST",
      { ...targetBody(target), method, amountCents: cents, note: note.trim() || null, notifyCustomer: notify },
      { "idempotency-key": key },
    );
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    onDone(`Pago de ${formatMoney(cents)} en ${method === "CASH" ? "efectivo" : "transferencia"} registrado.`);
    router.refresh();
  }

  return (
    <form className={styles.inlineForm} onSubmit={submit} aria-label="Registrar pago en efectivo o transferencia">
      <fieldset className={styles.choice}>
        <legend>¿Cómo pagó?</legend>
        <label className="inline">
          <input type="radio" name={`${id}-method`} checked={method === "CASH"} onChange={() => setMethod("CASH")} />
          Efectivo
        </label>
        <label className="inline">
          <input type="radio" name={`${id}-method`} checked={method === "TRANSFER"} onChange={() => setMethod("TRANSFER")} />
          Transferencia
        </label>
      </fieldset>
      <div className="stack">
        <label htmlFor={`${id}-amount`}>Monto recibido</label>
        <div className={styles.moneyInput}>
          <span aria-hidden="true">$</span>
          <input id={`${id}-amount`} inputMode="decimal" autoComplete="off" value={amount} onChange={(e) => setAmount(e.target.value)} required />
        </div>
        <span className="muted">Falta cobrar {formatMoney(dueCents)}.</span>
      </div>
      <div className="stack">
        <label htmlFor={`${id}-note`}>Nota (opcional)</label>
        <input id={`${id}-note`} value={note} maxLength={300} placeholder={method === "TRANSFER" ? "Ej.: transferencia del Banco Nación, op. 1234" : "Ej.: lo cobró el técnico"} onChange={(e) => setNote(e.target.value)} />
      </div>
      <label className="inline">
        <input type="checkbox" checked={notify} onChange={(e) => setNotify(e.target.checked)} />
        {customerName ? `Avisarle a ${customerName}` : "Avisarle al cliente"} por WhatsApp que recibimos el pago
      </label>
      <div className="row">
        <button type="submit" disabled={busy}>{busy ? "Registrando…" : "Registrar pago"}</button>
        <button type="button" className="secondary" onClick={() => onDone("")}>Cancelar</button>
      </div>
      {error ? <p className="error" role="alert" style={{ margin: 0 }}>{error}</p> : null}
    </form>
  );
}
