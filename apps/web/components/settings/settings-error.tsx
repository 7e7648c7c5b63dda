"use client";

import Link from "next/link";

// What a settings page shows when loading fails: what happened and what to do next, never a blank page.
export function SettingsError({ title, error, reset }: { title: string; error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section className="card" role="alert">
      <h1>{title}</h1>
      <p>Puede ser un problema momentáneo de conexión con la base de datos o con WhatsApp. Probá de nuevo en unos segundos; si sigue pasando, avisá a soporte con este código.</p>
      {error.digest ? <p className="muted">Código: {error.digest}</p> : null}
      <p className="row">
        <button type="button" onClick={reset}>Reintentar</button>
        <Link href="/panel">Volver al resumen</Link>
      </p>
    </section>
  );
}
