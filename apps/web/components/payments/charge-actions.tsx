"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useState } from "react";
import { formatMoney, parsePesos } from "@/components/invoices/invoice-format";
import { sendJson } from "@/components/settings/send-json";
import { ManualPaymentForm } from "./manual-payment-form";
import { pesosInput, targetBody, type ChargeTarget, type LinkItem } from "./payment-format";
import { PaymentLinkBox } from "./payment-link-box";
import styles from "./payments.module.css";

// "Cobrar": a MercadoPago link for what is due (or a part of it, typed "10.000,50"), shown with copy / WhatsApp /
// checkout; an open link is shown instead of making another. Cash and transfers are recorded by hand.
export function ChargeActions({ target, dueCents, openLink, customerName }: { target: ChargeTarget; dueCents: number; openLink: LinkItem | null; customerName: string }) {
  const router = useRouter();
  const id = useId();
  const [mode, setMode] = useState<"link" | "manual" | null>(null);
  const [amount, setAmount] = useState(pesosInput(dueCents));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // The link just made, until the refreshed page brings it as openLink.
  const [created, setCreated] = useState<LinkItem | null>(null);
  const openId = openLink?.id ?? null;
  useEffect(() => setCreated(null), [openId]);
  // A link for more than what is due now (cash or another payment came in after it was made) must not be sent again:
  // make a new one.
  const stale = openLink !== null && openLink.amountCents > dueCents ? openLink : null;
  const link = (stale ? null : openLink) ?? created;

  async function createLink(event: React.FormEvent) {
    event.preventDefault();
    setError(null);
    setNotice(null);
    const cents = parsePesos(amount);
    if (cents === null || cents <= 0) return setError("Escribí el monto en pesos, por ejemplo 10.000 o 10.000,50.");
    if (cents > dueCents) return setError(`Falta cobrar ${formatMoney(dueCents)}: el link no puede ser por más.`);
    setBusy(true);
    const result = await sendJson<LinkItem & { label: string }>("/api/payments/links", "POST", { ...targetBody(target), ...(cents === dueCents ? {} : { amountCents: cents }) });
    setBusy(false);
    if (!result.ok) return setError(result.error.fields.amountCents && result.error.fields.amountCents !== result.error.message ? `${result.error.message} ${result.error.fields.amountCents}` : result.error.message);
    setCreated(result.data);
    setMode(null);
    router.refresh();
  }

  return (
    <div className={styles.actions}>
      {stale && !link ? (
        <p className={styles.warning} role="note">
          Hay un link abierto por {formatMoney(stale.amountCents)}, más de lo que falta cobrar. No lo mandes: creá uno nuevo por {formatMoney(dueCents)}.
        </p>
      ) : null}
      {link ? (
        <PaymentLinkBox key={link.id} link={link} fresh={created?.id === link.id} />
      ) : mode === "link" ? (
        <form className={styles.inlineForm} onSubmit={createLink} aria-label="Crear link de pago">
          <div className="stack">
            <label htmlFor={`${id}-amount`}>Monto a cobrar</label>
            <div className={styles.moneyInput}>
              <span aria-hidden="true">$</span>
              <input id={`${id}-amount`} inputMode="decimal" autoComplete="off" value={amount} onChange={(e) => setAmount(e.target.value)} aria-describedby={`${id}-amount-hint`} required />
            </div>
            <span id={`${id}-amount-hint`} className="muted">Falta cobrar {formatMoney(dueCents)}. Podés pedir una parte (por ejemplo 10.000,50).</span>
          </div>
          <div className="row">
            <button type="submit" disabled={busy}>{busy ? "Creando…" : "Crear link de pago"}</button>
            <button type="button" className="secondary" onClick={() => { setMode(null); setError(null); }}>Cancelar</button>
          </div>
          {error ? <p className="error" role="alert" style={{ margin: 0 }}>{error}</p> : null}
        </form>
      ) : (
        <button type="button" onClick={() => { setMode("link"); setAmount(pesosInput(dueCents)); }} disabled={mode === "manual"}>
          Cobrar
        </button>
      )}
      {mode === "manual" ? (
        <ManualPaymentForm target={target} dueCents={dueCents} customerName={customerName} onDone={(text) => { setMode(null); setNotice(text); }} />
      ) : (
        <button type="button" className="secondary" onClick={() => { setMode("manual"); setNotice(null); }} disabled={mode === "link"}>
          Registrar pago en efectivo / transferencia
        </button>
      )}
      {notice ? <p className={styles.ok} role="status" style={{ margin: 0 }}>{notice}</p> : null}
    </div>
  );
}
