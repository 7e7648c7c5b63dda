"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { sendJson } from "@/components/settings/send-json";
import styles from "../cobros.module.css";

type Message = { error: boolean; text: string } | null;

// A row's quick actions: "Mandar link" sends the open payment link by WhatsApp (or makes one for all that is due
// and sends it); "Cobrar" opens the invoice's Cobro panel (a partial amount, cash, a transfer).
export function ReceivableActions({ invoiceId, openLinkId, label }: { invoiceId: string; openLinkId: string | null; label: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>(null);

  async function send() {
    setBusy(true);
    setMessage(null);
    const result = openLinkId
      ? await sendJson<{ messageId: string }>(`/api/payments/links/${openLinkId}/send`, "POST")
      : await sendJson<{ id: string }>("/api/payments/links", "POST", { invoiceId, send: true });
    setBusy(false);
    if (!result.ok) {
      setMessage({ error: true, text: result.error.message });
      router.refresh();
      return;
    }
    setMessage({ error: false, text: openLinkId ? "Link mandado por WhatsApp." : "Link creado y mandado por WhatsApp." });
    router.refresh();
  }

  return (
    <div className={styles.rowAction}>
      <div className="row">
        <button type="button" className="secondary" onClick={send} disabled={busy} aria-label={`Mandar link de pago de ${label}`}>
          {busy ? "Mandando…" : "Mandar link"}
        </button>
        <Link href={`/panel/facturas/${invoiceId}#cobrar`} aria-label={`Cobrar ${label}`}>Cobrar</Link>
      </div>
      {message ? <p className={message.error ? "error" : styles.ok} role={message.error ? "alert" : "status"}>{message.text}</p> : null}
    </div>
  );
}
