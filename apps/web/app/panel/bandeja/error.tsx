"use client";

// Any failure while rendering a dashboard page: say what happened in Spanish and what to do next.
export default function PanelError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section className="card" role="alert">
      <h1>No pudimos cargar esta página</h1>
      <p>Puede ser un problema de conexión o del servidor. Probá de nuevo; si sigue pasando, avisanos con este código: {error.digest ?? "sin código"}.</p>
      <button type="button" onClick={reset}>Reintentar</button>
    </section>
  );
}
