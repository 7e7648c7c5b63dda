"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { sendJson } from "@/components/settings/send-json";
import styles from "./mercadopago.module.css";

// "Conectar MercadoPago": the API gives MercadoPago's consent page (state + PKCE bound to this person); the browser
// goes there and comes back to this page through our OAuth callback with the outcome in the address.
export function ConnectButton({ label }: { label: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function connect() {
    setBusy(true);
    setError(null);
    const result = await sendJson<{ url: string }>("/api/settings/mercadopago/connect", "POST");
    if (!result.ok) {
      setBusy(false);
      return setError(result.error.message);
    }
    window.location.assign(result.data.url);
  }
  return (
    <div className="stack">
      <div className="row">
        <button type="button" onClick={connect} disabled={busy}>{busy ? "Abriendo MercadoPago…" : label}</button>
      </div>
      {error ? <p className="error" role="alert" style={{ margin: 0 }}>{error}</p> : null}
    </div>
  );
}

// Unlinking erases the tokens: links already sent can still be paid at MercadoPago, but we stop following them.
export function DisconnectButton({ nickname }: { nickname: string }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function disconnect() {
    setBusy(true);
    setError(null);
    const result = await sendJson<{ disconnected: true }>("/api/settings/mercadopago", "DELETE");
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setConfirming(false);
    router.replace("/panel/cobros/mercadopago");
    router.refresh();
  }
  if (!confirming) {
    return (
      <div className="row">
        <button type="button" className="secondary" onClick={() => setConfirming(true)}>Desconectar</button>
      </div>
    );
  }
  return (
    <div className={styles.confirm} role="group" aria-label="Confirmar la desconexión">
      <p><strong>¿Desconectás la cuenta {nickname} de MercadoPago?</strong></p>
      <p>No vas a poder crear links de pago ni hacer devoluciones por MercadoPago hasta que la vuelvas a conectar. Los links que ya mandaste se pueden seguir pagando, pero no vamos a enterarnos de esos pagos.</p>
      <div className="row">
        <button type="button" className="danger" onClick={disconnect} disabled={busy}>{busy ? "Desconectando…" : "Sí, desconectar"}</button>
        <button type="button" className="secondary" onClick={() => setConfirming(false)} disabled={busy}>Cancelar</button>
      </div>
      {error ? <p className="error" role="alert">{error}</p> : null}
    </div>
  );
}
