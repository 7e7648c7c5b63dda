"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { formatMoney, parsePesos } from "@/components/invoices/invoice-format";
import { sendJson } from "@/components/settings/send-json";
import { newIdempotencyKey, type PaymentItem } from "./payment-format";
import styles from "./payments.module.css";

// "Devolver" (owners and admins): all that is left of the payment or a part, with a reason, confirmed in a second
// step. A MercadoPago payment goes back to the customer's card or account; cash or a transfer is recorded as given
// back. The confirmed submission carries one Idempotency-Key, reused if it is retried, so it never refunds twice.
export function RefundForm({ payment }: { payment: PaymentItem }) {
  const router = useRouter();
  const id = useId();
  const left = payment.refundableCents;
  const [step, setStep] = useState<"closed" | "form" | "confirm">("closed");
  const [mode, setMode] = useState<"total" | "partial">("total");
  const [amount, setAmount] = useState("");
  const [reason, setReason] = useState("");
  const [key, setKey] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const cents = mode === "total" ? left : parsePesos(amount);

  function review(event: React.FormEvent) {
    event.preventDefault();
    setError(null);
    if (mode === "partial") {
      if (cents === null || cents <= 0) return setError("Escribí el monto a devolver, por ejemplo 5.000 o 5.000,50.");
      if (cents > left) return setError(`De este pago se pueden devolver como máximo ${formatMoney(left)}.`);
    }
    setKey(newIdempotencyKey());
    setStep("confirm");
  }

  async function confirm() {
    setBusy(true);
    setError(null);
    const result = await sendJson<PaymentItem>(
      `/api/payments/${payment.id}/refunds`,
      "POST",
      { amountCents: mode === "total" ? null : cents, reason: reason.trim() || null },
      { "idempotency-key": key ?? newIdempotencyKey() },
    );
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setStep("closed");
    setMode("total");
    setAmount("");
    setReason("");
    router.refresh();
  }

  if (step === "closed") {
    return (
      <button type="button" className={`link ${styles.refundButton}`} onClick={() => setStep("form")}>
        Devolver
      </button>
    );
  }
  const where = payment.method === "MERCADOPAGO" ? "Mercado Pago se lo devuelve a su tarjeta o cuenta." : "Queda registrado que se lo devolviste.";
  return (
    <div className={styles.refundBox}>
      {step === "form" ? (
        <form className={styles.inlineForm} onSubmit={review} aria-label="Devolver el pago">
          <fieldset className={styles.choice}>
            <legend>¿Cuánto devolvés?</legend>
            <label className="inline">
              <input type="radio" name={`${id}-mode`} checked={mode === "total"} onChange={() => setMode("total")} />
              Todo ({formatMoney(left)})
            </label>
            <label className="inline">
              <input type="radio" name={`${id}-mode`} checked={mode === "partial"} onChange={() => setMode("partial")} />
              Una parte
            </label>
          </fieldset>
          {mode === "partial" ? (
            <div className="stack">
              <label htmlFor={`${id}-amount`}>Monto a devolver</label>
              <div className={styles.moneyInput}>
                <span aria-hidden="true">$</span>
                <input id={`${id}-amount`} inputMode="decimal" autoComplete="off" value={amount} onChange={(e) => setAmount(e.target.value)} placeholder="Ej.: 5.000" required />
              </div>
            </div>
          ) : null}
          <div className="stack">
            <label htmlFor={`${id}-reason`}>Motivo (opcional)</label>
            <input id={`${id}-reason`} value={reason} maxLength={300} placeholder="Ej.: se cobró de más" onChange={(e) => setReason(e.target.value)} />
          </div>
          <div className="row">
            <button type="submit">Continuar</button>
            <button type="button" className="secondary" onClick={() => { setStep("closed"); setError(null); }}>Cancelar</button>
          </div>
        </form>
      ) : (
        <div className={styles.confirm} role="group" aria-label="Confirmar la devolución">
          <p style={{ margin: 0 }}>
            <strong>¿Devolvés {formatMoney(cents ?? 0)} a {payment.customer.name}?</strong> {where} No se puede deshacer.
          </p>
          {reason.trim() ? <p className="muted" style={{ margin: 0 }}>Motivo: «{reason.trim()}»</p> : null}
          <div className="row">
            <button type="button" className="danger" onClick={confirm} disabled={busy}>{busy ? "Devolviendo…" : `Sí, devolver ${formatMoney(cents ?? 0)}`}</button>
            <button type="button" className="secondary" onClick={() => { setStep("form"); setError(null); }} disabled={busy}>Volver</button>
          </div>
        </div>
      )}
      {error ? <p className="error" role="alert" style={{ margin: 0 }}>{error}</p> : null}
    </div>
  );
}
