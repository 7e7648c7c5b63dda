import { webHealth } from "@/lib/health";

export const dynamic = "force-dynamic";

const LABELS = { postgres: "Base de datos (Postgres)", redis: "Colas (Redis)" } as const;

export default async function HomePage() {
  const { report, reason } = await webHealth();
  return (
    <main>
      <h1>CampoTech</h1>
      <p className="lead">WhatsApp, turnos y trabajos para oficios técnicos.</p>
      <section className="card" aria-labelledby="estado">
        <h2 id="estado">Estado de la plataforma</h2>
        <dl className="status">
          {(Object.keys(LABELS) as (keyof typeof LABELS)[]).map((name) => {
            const check = report.checks[name];
            return (
              <div key={name} style={{ display: "contents" }}>
                <dt>{LABELS[name]}</dt>
                <dd className={check.status === "up" ? "up" : "down"}>
                  {check.status === "up" ? `Funcionando (${check.latencyMs} ms)` : "Sin conexión"}
                </dd>
              </div>
            );
          })}
        </dl>
        {reason ? <p role="alert">{reason}</p> : null}
        <p>
          Versión {report.version} · <a href="/api/health">/api/health</a>
        </p>
      </section>
    </main>
  );
}
