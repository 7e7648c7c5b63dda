"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { sendJson } from "@/components/settings/send-json";
import styles from "./arca.module.css";

type Message = { error: boolean; text: string } | null;

function Feedback({ message }: { message: Message }) {
  if (!message) return null;
  return <p className={message.error ? "error" : styles.ok} role={message.error ? "alert" : "status"}>{message.text}</p>;
}

function CsrSteps({ environment }: { environment: "HOMOLOGACION" | "PRODUCCION" }) {
  if (environment === "HOMOLOGACION") {
    return (
      <ol className={styles.steps}>
        <li>Copiá o descargá el pedido (CSR).</li>
        <li>Entrá a ARCA con tu clave fiscal y abrí <strong>WSASS – Autogestión Certificados Homologación</strong> (si no lo tenés, adherilo en «Administrador de Relaciones de Clave Fiscal»).</li>
        <li>En «Nuevo certificado», poné un nombre, pegá el CSR y creá el certificado. En «Autorizaciones», asociá el servicio <strong>wsfe</strong> (Facturación electrónica).</li>
        <li>Copiá el certificado que te muestra (empieza con -----BEGIN CERTIFICATE-----) y pegalo abajo en «Instalar certificado».</li>
      </ol>
    );
  }
  return (
    <ol className={styles.steps}>
      <li>Descargá el pedido (archivo .csr).</li>
      <li>Entrá a ARCA con tu clave fiscal y abrí <strong>Administración de Certificados Digitales</strong>. Agregá un alias, subí el .csr y descargá el certificado (.crt).</li>
      <li>En <strong>Administrador de Relaciones de Clave Fiscal</strong>, «Nueva relación»: elegí ARCA → WebServices → <strong>Facturación Electrónica (wsfe)</strong> y como representante el alias del certificado.</li>
      <li>Abrí el .crt con un editor de texto, copiá todo y pegalo abajo en «Instalar certificado».</li>
    </ol>
  );
}

// The certificate ARCA issues for our CSR (the private key never leaves the server, sealed), or one made elsewhere
// with its key. Expired or within 30 days of expiring shows in red: invoicing stops the day it expires.
export function CertificateCard(props: {
  configured: boolean;
  environment: "HOMOLOGACION" | "PRODUCCION";
  pendingCsr: string | null;
  canEdit: boolean;
  // A working certificate keeps the renewal steps folded; expiring, missing or half-way (a CSR waiting) opens them.
  installed: boolean;
  expiring: boolean;
}) {
  const { configured, environment, canEdit, installed, expiring } = props;
  const router = useRouter();
  const id = useId();
  const [csr, setCsr] = useState(props.pendingCsr);
  const [certificate, setCertificate] = useState("");
  const [privateKey, setPrivateKey] = useState("");
  const [busy, setBusy] = useState<"csr" | "install" | null>(null);
  const [csrMessage, setCsrMessage] = useState<Message>(null);
  const [copyMessage, setCopyMessage] = useState<Message>(null);
  const [installError, setInstallError] = useState<string | null>(null);
  const [installMessage, setInstallMessage] = useState<Message>(null);

  async function generate() {
    setBusy("csr");
    setCsrMessage(null);
    setCopyMessage(null);
    const result = await sendJson<{ csrPem: string }>("/api/settings/arca/csr", "POST");
    setBusy(null);
    if (!result.ok) return setCsrMessage({ error: true, text: result.error.message });
    setCsr(result.data.csrPem);
    setCsrMessage({ error: false, text: "Pedido generado. Seguí los pasos para obtener el certificado." });
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(csr ?? "");
      setCopyMessage({ error: false, text: "Copiado." });
    } catch {
      setCopyMessage({ error: true, text: "No se pudo copiar: seleccioná el texto y copialo a mano." });
    }
  }

  function download() {
    const url = URL.createObjectURL(new Blob([csr ?? ""], { type: "application/pkcs10" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = "campotech-arca.csr";
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  async function install(event: React.FormEvent) {
    event.preventDefault();
    setBusy("install");
    setInstallError(null);
    setInstallMessage(null);
    const result = await sendJson("/api/settings/arca/certificate", "PUT", {
      certificatePem: certificate.trim(),
      ...(privateKey.trim() ? { privateKeyPem: privateKey.trim() } : {}),
    });
    setBusy(null);
    if (!result.ok) {
      setInstallError(result.error.fields.certificate ?? result.error.fields.certificatePem ?? result.error.fields.privateKeyPem ?? result.error.message);
      return;
    }
    setCertificate("");
    setPrivateKey("");
    setCsr(null);
    setInstallMessage({ error: false, text: "Certificado instalado. Probá la conexión para confirmar que ARCA lo acepta." });
    router.refresh();
  }

  if (!canEdit) {
    return csr ? <p className="muted">Hay un pedido de certificado generado, esperando el certificado de ARCA.</p> : null;
  }
  if (!configured) {
    return <p className="muted">Guardá primero los datos fiscales (CUIT y razón social): el pedido de certificado los lleva.</p>;
  }
  const steps = (
    <>
      <div className={styles.block}>
        <h3>1. Pedido de certificado</h3>
        <p className="muted">CampoTech genera la clave privada y la guarda cifrada; a ARCA le llevás solo el pedido (CSR).</p>
        <div className="row">
          <button type="button" className={csr ? "secondary" : undefined} onClick={generate} disabled={busy !== null}>
            {busy === "csr" ? "Generando…" : csr ? "Generar otro pedido" : "Generar pedido de certificado (CSR)"}
          </button>
        </div>
        {csr && props.pendingCsr === csr ? <p className="muted">Ya generaste un pedido: si generás otro, el certificado del anterior deja de servir.</p> : null}
        <Feedback message={csrMessage} />
        {csr ? (
          <>
            <div className="stack">
              <label htmlFor={`${id}-csr`}>Pedido de certificado (CSR)</label>
              <textarea id={`${id}-csr`} className={styles.pem} readOnly rows={8} value={csr} spellCheck={false} />
            </div>
            <div className="row">
              <button type="button" className="secondary" onClick={copy}>Copiar</button>
              <button type="button" className="secondary" onClick={download}>Descargar .csr</button>
              {copyMessage ? <span className={copyMessage.error ? "error" : "muted"} role={copyMessage.error ? "alert" : "status"}>{copyMessage.text}</span> : null}
            </div>
            <CsrSteps environment={environment} />
          </>
        ) : null}
      </div>

      <form className={styles.block} onSubmit={install} aria-labelledby={`${id}-install`}>
        <h3 id={`${id}-install`}>2. Instalar certificado</h3>
        <div className="stack">
          <label htmlFor={`${id}-crt`}>Certificado de ARCA (.crt)</label>
          <textarea
            id={`${id}-crt`}
            className={styles.pem}
            rows={6}
            value={certificate}
            onChange={(e) => setCertificate(e.target.value)}
            placeholder={"-----BEGIN CERTIFICATE-----\n…\n-----END CERTIFICATE-----"}
            spellCheck={false}
            required
            aria-invalid={installError ? true : undefined}
            aria-describedby={installError ? `${id}-crt-error` : undefined}
          />
          {installError ? <span id={`${id}-crt-error`} className="error" role="alert">{installError}</span> : null}
        </div>
        <details className={styles.details}>
          <summary>Tengo mi propia clave</summary>
          <div className="stack">
            <label htmlFor={`${id}-key`}>Clave privada (PEM)</label>
            <textarea id={`${id}-key`} className={styles.pem} rows={6} value={privateKey} onChange={(e) => setPrivateKey(e.target.value)} placeholder={"-----BEGIN PRIVATE KEY-----\n…"} spellCheck={false} autoComplete="off" />
            <span className={styles.hint}>Solo si generaste el pedido fuera de CampoTech (por ejemplo con openssl). Se guarda cifrada y nunca se vuelve a mostrar.</span>
          </div>
        </details>
        <div className="row">
          <button type="submit" disabled={busy !== null || !certificate.trim()}>{busy === "install" ? "Instalando…" : "Instalar certificado"}</button>
        </div>
      </form>
    </>
  );
  // The confirmation stays outside the fold: the page refreshes into "installed", which folds the steps.
  return (
    <>
      {installed ? (
        <details className={`${styles.details} ${styles.block}`} open={expiring || Boolean(props.pendingCsr)}>
          <summary>Renovar o cambiar el certificado</summary>
          {steps}
        </details>
      ) : (
        steps
      )}
      <Feedback message={installMessage} />
    </>
  );
}
