"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { sendJson } from "@/components/settings/send-json";
import styles from "./number-wizard.module.css";

// issue 19 (provisioning): the owner's wizard for a WhatsApp number from CampoTech — area code → available numbers →
// reserve (5-minute countdown) → SMS code to the owner's phone → verify → active. Every step goes through
// /api/settings/whatsapp/provisioning/*; the server decides the state, this only renders it.

export type WizardState = {
  status: "NOT_STARTED" | "PENDING_NUMBER_SELECTION" | "PENDING_VERIFICATION" | "ACTIVE" | "SUSPENDED" | "RELEASED";
  phoneNumberDisplay: string | null;
  reservedUntil: string | null;
  verificationPhone: string | null;
  verificationExpiresAt: string | null;
  attemptsLeft: number;
  resendsLeft: number;
  resendAvailableAt: string | null;
  lastError: string | null;
};
type Available = { id: string; display: string };

const API = "/api/settings/whatsapp/provisioning";
const AREA_CODES = [
  { code: "11", name: "CABA y GBA" },
  { code: "351", name: "Córdoba" },
  { code: "341", name: "Rosario" },
  { code: "261", name: "Mendoza" },
  { code: "221", name: "La Plata" },
];

function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

const mmss = (ms: number) => {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
};

export function NumberWizard({ initial, planIncludes, upsell }: { initial: WizardState; planIncludes: boolean; upsell: string | null }) {
  const router = useRouter();
  const now = useNow();
  const [state, setState] = useState<WizardState>(initial);
  const [areaCode, setAreaCode] = useState("11");
  const [numbers, setNumbers] = useState<Available[] | null>(null);
  const [code, setCode] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirmRelease, setConfirmRelease] = useState(false);

  async function step(path: string, body?: unknown, okNotice?: string): Promise<boolean> {
    setBusy(true);
    setError(null);
    setNotice(null);
    const result = await sendJson<WizardState>(`${API}${path}`, "POST", body);
    setBusy(false);
    if (!result.ok) {
      setError(result.error.fields.code ?? result.error.message);
      await reload();
      return false;
    }
    setState(result.data);
    if (okNotice) setNotice(okNotice);
    return true;
  }

  async function reload() {
    const res = await fetch(API).catch(() => null);
    if (res?.ok) setState((await res.json()) as WizardState);
  }

  async function search(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const res = await fetch(`${API}/numbers?areaCode=${encodeURIComponent(areaCode)}`).catch(() => null);
    setBusy(false);
    const data = (await res?.json().catch(() => null)) as { items?: Available[]; error?: { message: string } } | null;
    if (!res?.ok || !data?.items) {
      setError(data?.error?.message ?? "No pudimos traer los números. Probá de nuevo.");
      return;
    }
    setNumbers(data.items);
  }

  async function release() {
    setConfirmRelease(false);
    if (await step("/release")) {
      setNumbers(null);
      setCode("");
      router.refresh();
    }
  }

  if (!planIncludes) {
    return (
      <section id="numero" className="card" aria-labelledby="wizard-h">
        <h2 id="wizard-h">Conseguí tu número de WhatsApp</h2>
        <p data-testid="wizard-upsell">{upsell}</p>
      </section>
    );
  }

  const reservedLeft = state.reservedUntil ? new Date(state.reservedUntil).getTime() - now : 0;
  const reservationLive = (state.status === "PENDING_NUMBER_SELECTION" || state.status === "PENDING_VERIFICATION") && reservedLeft > 0;
  const choosing = state.status === "NOT_STARTED" || state.status === "RELEASED" || ((state.status === "PENDING_NUMBER_SELECTION" || state.status === "PENDING_VERIFICATION") && !reservationLive);
  const expiredHere = !choosing ? null : state.status === "PENDING_NUMBER_SELECTION" || state.status === "PENDING_VERIFICATION" ? "La reserva venció: elegí un número de nuevo." : state.lastError;
  const resendWait = state.resendAvailableAt ? new Date(state.resendAvailableAt).getTime() - now : 0;

  const otherNumber = (
    <button type="button" className="secondary" disabled={busy} onClick={() => void release()}>Elegir otro número</button>
  );

  return (
    <section id="numero" className="card" aria-labelledby="wizard-h">
      <div className={styles.wizard}>
        <h2 id="wizard-h">Conseguí tu número de WhatsApp</h2>
        {choosing ? (
          <>
            <p className="muted">Elegí un número de tu zona. Lo activamos con un código que te mandamos por SMS a tu celular.</p>
            {expiredHere ? <p role="alert">{expiredHere}</p> : null}
            <form className="row" onSubmit={(e) => void search(e)}>
              <label>
                Código de área{" "}
                <select value={areaCode} onChange={(e) => { setAreaCode(e.target.value); setNumbers(null); }}>
                  {AREA_CODES.map((a) => <option key={a.code} value={a.code}>{a.code} · {a.name}</option>)}
                </select>
              </label>
              <button type="submit" disabled={busy}>Buscar números</button>
            </form>
            {numbers ? (
              numbers.length === 0 ? (
                <p className="empty">No hay números libres con ese código de área. Probá con otro.</p>
              ) : (
                <ul className={styles.numbers} aria-label="Números disponibles">
                  {numbers.map((n) => (
                    <li key={n.id} className={styles.number}>
                      <span>{n.display}</span>
                      <button type="button" disabled={busy} aria-label={`Reservar ${n.display}`} onClick={() => void step("/reserve", { numberId: n.id })}>Reservar</button>
                    </li>
                  ))}
                </ul>
              )
            ) : null}
          </>
        ) : null}

        {reservationLive && state.status === "PENDING_NUMBER_SELECTION" ? (
          <>
            <p>Reservamos este número para vos:</p>
            <p className={styles.big} data-testid="wizard-number">{state.phoneNumberDisplay}</p>
            <p>Te lo guardamos por <span role="timer" aria-label="Tiempo de reserva" className={styles.timer}>{mmss(reservedLeft)}</span> minutos.</p>
            <div className="row">
              <button type="button" disabled={busy} onClick={() => void step("/send-code")}>Mandarme el código por SMS</button>
              {otherNumber}
            </div>
          </>
        ) : null}

        {reservationLive && state.status === "PENDING_VERIFICATION" ? (
          <>
            <p className={styles.big} data-testid="wizard-number">{state.phoneNumberDisplay}</p>
            <p>Te mandamos un código por SMS a tu celular{state.verificationPhone ? ` (${state.verificationPhone})` : ""}. Vence en <span role="timer" aria-label="Tiempo del código" className={styles.timer}>{mmss(new Date(state.verificationExpiresAt ?? 0).getTime() - now)}</span>.</p>
            <form className="row" onSubmit={(e) => { e.preventDefault(); void step("/verify", { code }).then((ok) => ok && router.refresh()); }}>
              <label>
                Código de verificación{" "}
                <input className={styles.code} value={code} onChange={(e) => setCode(e.target.value)} inputMode="numeric" autoComplete="one-time-code" maxLength={6} pattern="\d{6}" required />
              </label>
              <button type="submit" disabled={busy}>Verificar</button>
            </form>
            <p className="muted">
              ¿No te llegó?{" "}
              <button type="button" className={styles.linkButton} disabled={busy || resendWait > 0 || state.resendsLeft <= 0} onClick={() => void step("/send-code", undefined, "Te mandamos un código nuevo.")}>
                Reenviar el código
              </button>
              {state.resendsLeft <= 0 ? " (ya no quedan reenvíos)" : resendWait > 0 ? ` (podés pedir otro en ${Math.ceil(resendWait / 1000)} s)` : ""}
            </p>
            <div className="row">{otherNumber}</div>
          </>
        ) : null}

        {state.status === "ACTIVE" ? (
          <>
            <h3 className={styles.done}>Tu número está activo</h3>
            <p className={styles.big} data-testid="wizard-number">{state.phoneNumberDisplay}</p>
            <p className="muted">Ya podés recibir y mandar mensajes de WhatsApp desde este número.</p>
            {confirmRelease ? (
              <div className="row" role="group" aria-label="Confirmar liberación">
                <span>Si lo liberás, el número deja de ser tuyo y no vas a poder recuperarlo.</span>
                <button type="button" className="danger" disabled={busy} onClick={() => void release()}>Sí, liberar el número</button>
                <button type="button" className="secondary" onClick={() => setConfirmRelease(false)}>Cancelar</button>
              </div>
            ) : (
              <div className="row"><button type="button" className="secondary" onClick={() => setConfirmRelease(true)}>Liberar número</button></div>
            )}
          </>
        ) : null}

        {state.status === "SUSPENDED" ? (
          <p role="alert">Tu número {state.phoneNumberDisplay} está suspendido{state.lastError ? `: ${state.lastError}` : ""}. Escribinos a soporte para reactivarlo.</p>
        ) : null}

        <p role="status" aria-live="polite" className="muted">{notice ?? ""}</p>
        {error ? <p role="alert" className="error">{error}</p> : null}
      </div>
    </section>
  );
}
