"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { formatMoney } from "@/components/invoices/invoice-format";
import { sendJson } from "@/components/settings/send-json";
import { formatDateTime } from "@/lib/panel/jobs/jobs-format";
import type { LinkItem } from "./payment-format";
import styles from "./payments.module.css";

type Message = { error: boolean; text: string } | null;

// An open payment link: our /pago/ page is what the customer gets (it opens MercadoPago's checkout and shows the
// outcome); copy it, send it by WhatsApp, or open the checkout here (e.g. the customer pays on the office's phone).
export function PaymentLinkBox({ link, fresh = false }: { link: LinkItem; fresh?: boolean }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>(fresh ? { error: false, text: "Link de pago creado. Mandáselo al cliente o copialo." } : null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(link.pageUrl);
      setMessage({ error: false, text: "Link copiado." });
    } catch {
      setMessage({ error: true, text: "No se pudo copiar: seleccioná el link y copialo a mano." });
    }
  }

  async function send() {
    setBusy(true);
    setMessage(null);
    const result = await sendJson<{ messageId: string }>(`/api/payments/links/${link.id}/send`, "POST");
    setBusy(false);
    if (!result.ok) return setMessage({ error: true, text: result.error.message });
    setMessage({ error: false, text: "Listo: le mandamos el link por WhatsApp." });
    router.refresh();
  }

  return (
    <div className={styles.linkBox} data-testid="payment-link">
      <p className={styles.linkTitle}>
        Link de pago por <strong>{formatMoney(link.amountCents)}</strong>
      </p>
      <p className="muted" style={{ margin: 0 }}>
        Vence el {formatDateTime(link.expiresAt)}
        {link.sentAt ? ` · mandado por WhatsApp el ${formatDateTime(link.sentAt)}` : " · todavía no se mandó"}
      </p>
      <input className={styles.linkUrl} readOnly value={link.pageUrl} aria-label="Link de pago para el cliente" onFocus={(e) => e.currentTarget.select()} />
      <div className={styles.linkButtons}>
        <button type="button" className="secondary" onClick={copy}>Copiar link</button>
        <button type="button" onClick={send} disabled={busy}>{busy ? "Mandando…" : "Mandar por WhatsApp"}</button>
        {link.checkoutUrl ? (
          <a className={styles.buttonLink} href={link.checkoutUrl} target="_blank" rel="noopener noreferrer">Abrir checkout</a>
        ) : null}
      </div>
      {message ? <p className={message.error ? "error" : styles.ok} role={message.error ? "alert" : "status"} style={{ margin: 0 }}>{message.text}</p> : null}
    </div>
  );
}
