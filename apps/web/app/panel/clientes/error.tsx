"use client";

import Link from "next/link";

// Shown when loading customers fails (database down, a bug). Says what to do next instead of a blank page.
export default function CustomersError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section className="card" role="alert">
      <h1>No pudimos cargar los clientes</h1>
      <p>Puede ser un problema momentáneo de conexión. Probá de nuevo en unos segundos; si sigue pasando, avisá a soporte con este código.</p>
      {error.digest ? <p className="muted">Código: {error.digest}</p> : null}
      <p style={{ display: "flex", gap: "0.75rem", flexWrap: "wrap", alignItems: "center" }}>
        <button type="button" onClick={reset}>Reintentar</button>
        <Link href="/panel">Volver al resumen</Link>
      </p>
    </section>
  );
}
