"use client";

import Link from "next/link";
import { useState } from "react";
import { sendJson } from "@/components/settings/send-json";
import { CopyField } from "./account-connection";
import own from "./wa-link-card.module.css";
import styles from "./whatsapp.module.css";

// What GET/PUT /api/settings/wa-link answer (the domain's WaLinkView, as JSON).
export type WaLinkState = {
  allowed: boolean;
  qrAllowed: boolean;
  upsell: string | null;
  message: string;
  customMessage: boolean;
  defaultMessage: string;
  maxLength: number;
  number: { digits: string; display: string; source: "whatsapp_account" | "owner_phone" } | null;
  link: string | null;
  problem: string | null;
};

const BASE = "/api/settings/wa-link";
// Characters as people count them (an emoji is one), the way the server checks the limit.
const count = (text: string) => [...text.trim()].length;

// "Tu enlace de WhatsApp": the wa.me link with its prefilled message, the QR and the files to print. Below the plan,
// the upgrade note instead. Everything changes through the REST API; the QR preview reloads after each save.
export function WaLinkCard({ initial, canEdit }: { initial: WaLinkState; canEdit: boolean }) {
  const [view, setView] = useState(initial);
  const [draft, setDraft] = useState(initial.message);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ text: string; error: boolean } | null>(null);
  // Bumped after a save so the <img> asks for the new QR instead of showing the old one.
  const [version, setVersion] = useState(0);

  if (!view.allowed) {
    return (
      <div className="stack" data-testid="wa-link-upsell">
        <p>{view.upsell}</p>
        <p className="muted">Con un enlace wa.me y su código QR tus clientes te escriben con un toque, con el mensaje ya escrito.</p>
        <div className="row"><Link className={own.buttonLink} href="/panel/plan">Ver planes</Link></div>
      </div>
    );
  }

  async function put(message: string | null) {
    setBusy(true);
    setNote(null);
    const result = await sendJson<WaLinkState>(BASE, "PUT", { message });
    setBusy(false);
    if (!result.ok) {
      setNote({ text: result.error.fields.message ?? result.error.message, error: true });
      return;
    }
    setView(result.data);
    setDraft(result.data.message);
    setVersion((v) => v + 1);
    setNote({ text: message ? "Mensaje guardado. El enlace y el QR ya lo usan." : "Volviste al mensaje por defecto.", error: false });
  }

  const used = count(draft);
  const tooLong = used > view.maxLength;
  return (
    <div className="stack">
      {view.link && view.number ? (
        <>
          <p className="muted">
            Abre un chat con el {view.number.display}
            {view.number.source === "owner_phone" ? " (el celular del dueño: todavía no hay un número de WhatsApp Business conectado)" : ""}, con tu mensaje ya escrito.
          </p>
          <div data-testid="wa-link"><CopyField label="Enlace" value={view.link} /></div>
        </>
      ) : (
        <p className="error" role="alert">{view.problem}</p>
      )}

      <form className="form" onSubmit={(e) => { e.preventDefault(); void put(draft.trim() || null); }}>
        <fieldset disabled={!canEdit || busy} className="stack" style={{ border: 0, padding: 0, margin: 0 }}>
          <label htmlFor="wa-link-message">Mensaje que se escribe solo</label>
          <textarea id="wa-link-message" rows={3} value={draft} onChange={(e) => setDraft(e.target.value)} aria-describedby="wa-link-count" placeholder={view.defaultMessage} />
          <span id="wa-link-count" className={tooLong ? "error" : "muted"}>{used}/{view.maxLength} caracteres</span>
          {canEdit ? (
            <div className="row">
              <button type="submit" disabled={tooLong}>{busy ? "Guardando…" : "Guardar"}</button>
              {view.customMessage ? <button type="button" className="link" onClick={() => void put(null)}>Volver al mensaje por defecto</button> : null}
            </div>
          ) : null}
        </fieldset>
        {note ? <p className={note.error ? "error" : styles.ok} role={note.error ? "alert" : "status"}>{note.text}</p> : null}
      </form>

      {view.link && view.qrAllowed ? (
        <div className={own.qr}>
          <img src={`${BASE}/qr.png?size=256&v=${version}`} width={192} height={192} alt={`Código QR del enlace de WhatsApp al ${view.number?.display ?? ""}`} data-testid="wa-link-qr" />
          <div className="stack">
            <p className="muted">Imprimilo en tu vehículo, tu local o tus presupuestos: al escanearlo se abre el chat con tu mensaje.</p>
            <div className="row">
              <a className={own.buttonLink} href={`${BASE}/qr.png?size=1024`} download="whatsapp-qr.png">Descargar PNG</a>
              <a className={own.buttonLink} href={`${BASE}/qr.svg`} download="whatsapp-qr.svg">Descargar SVG</a>
              <a className={own.buttonLink} href={`${BASE}/card.pdf`} download="tarjeta-whatsapp.pdf">Tarjeta para imprimir (PDF)</a>
            </div>
          </div>
        </div>
      ) : null}
    </div>
  );
}
