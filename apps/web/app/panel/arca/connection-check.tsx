"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { sendJson } from "@/components/settings/send-json";
import styles from "./arca.module.css";

export type ArcaCheckResult = { ok: boolean; steps: { step: string; ok: boolean; detail: string }[] };

const WHEN = new Intl.DateTimeFormat("es-AR", { timeZone: "America/Argentina/Buenos_Aires", day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

function Steps({ result }: { result: ArcaCheckResult }) {
  return (
    <ol className={styles.check} aria-label="Pasos de la prueba">
      {result.steps.map((s, i) => (
        <li key={i} className={s.ok ? styles.passed : styles.failed}>
          <span className={styles.mark} aria-hidden="true">{s.ok ? "✓" : "✗"}</span>
          <div>
            <p className={styles.stepName}><span className="sr-only">{s.ok ? "Bien: " : "Falló: "}</span>{s.step}</p>
            <p>{s.detail}</p>
          </div>
        </li>
      ))}
    </ol>
  );
}

// "Probar conexión": ARCA's service, the certificate's ticket, the point of sale and the last numbers, each step
// with its Spanish detail. The last result is kept, so the page shows it when it loads.
export function ConnectionCheck({ last, lastAt, canRun, ready }: { last: ArcaCheckResult | null; lastAt: string | null; canRun: boolean; ready: boolean }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ check: ArcaCheckResult; at: string } | null>(last && lastAt ? { check: last, at: lastAt } : null);
  const [error, setError] = useState<string | null>(null);

  async function run() {
    setBusy(true);
    setError(null);
    const res = await sendJson<ArcaCheckResult>("/api/settings/arca/check", "POST");
    setBusy(false);
    if (!res.ok) return setError(res.error.message);
    setResult({ check: res.data, at: new Date().toISOString() });
    router.refresh();
  }

  return (
    <div className="stack" style={{ gap: "0.75rem" }}>
      {canRun ? (
        <div className="row">
          <button type="button" onClick={run} disabled={busy || !ready}>{busy ? "Probando…" : "Probar conexión"}</button>
          {!ready ? <span className="muted">Primero guardá los datos fiscales.</span> : null}
        </div>
      ) : null}
      {error ? <p className="error" role="alert">{error}</p> : null}
      {result ? (
        <div className="stack" data-testid="arca-check" aria-live="polite">
          <p className={result.check.ok ? styles.ok : styles.bad} style={{ margin: 0 }}>
            {result.check.ok ? "✓ Conectado con ARCA" : "✗ Hay problemas con la conexión"} <span className="muted">· {WHEN.format(new Date(result.at))}</span>
          </p>
          <Steps result={result.check} />
        </div>
      ) : (
        <p className="muted">Todavía no se probó la conexión.</p>
      )}
    </div>
  );
}
