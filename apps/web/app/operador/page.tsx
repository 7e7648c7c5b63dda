import Link from "next/link";

export const metadata = { title: "Operación — CampoTech" };

// What an operator can open. Each section is its own page (or, for the queues, the workers' dashboard).
const SECTIONS = [
  { href: "/operador/estadisticas", title: "Estadísticas de la plataforma", text: "Organizaciones activas, volumen, tiempos de webhook, disponibilidad y métricas para la solicitud de BSP." },
  { href: "/operador/colas", title: "Colas de trabajo", text: "El tablero de las colas (BullMQ): pendientes, fallidos y reintentos." },
  { href: "/operador/alertas", title: "Alertas de la plataforma", text: "Lo que está fuera de umbral ahora y lo que se normalizó." },
];

export default function OperatorHome() {
  return (
    <section aria-labelledby="operador-titulo">
      <h1 id="operador-titulo">Operación de la plataforma</h1>
      <ul className="operator-sections">
        {SECTIONS.map((s) => (
          <li key={s.href}>
            <Link href={s.href}><strong>{s.title}</strong></Link>
            <p>{s.text}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
