"use client";

import Link from "next/link";

// What a dashboard page shows when loading fails (database or provider down, a bug): what happened and what to do
// next, never a blank page. Each section's error.tsx only names what failed.
export function PageError({ title, error, reset }: { title: string; error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section className="card" role="alert">
      <h1>{title}</h1>
      <p>Puede ser un problema momentáneo de conexión. Probá de nuevo en unos segundos; si sigue pasando, avisá a soporte con este código.</p>
      {error.digest ? <p className="muted">Código: {error.digest}</p> : null}
      <p className="row">
        <button type="button" onClick={reset}>Reintentar</button>
        <Link href="/panel">Volver al resumen</Link>
      </p>
    </section>
  );
}
