import type { Metadata } from "next";
import Link from "next/link";
import styles from "./home.module.css";

// Static on purpose: the home page says what CampoTech is and how to get in, with no database behind it, so it
// answers fast even when something is down. The platform's health lives at /api/health (for monitors and operators).
export const dynamic = "force-static";

export const metadata: Metadata = {
  title: { absolute: "CampoTech · WhatsApp, trabajos y facturas para oficios técnicos" },
};

const FEATURES = [
  { title: "Asistente de WhatsApp", text: "Contesta a tus clientes a toda hora, reconoce urgencias como un escape de gas y agenda visitas sin que tengas que soltar la herramienta." },
  { title: "Trabajos y agenda", text: "Cada pedido es un trabajo con dirección, técnico y horario. La oficina ve el día en lista, tablero o mapa." },
  { title: "Facturas de ARCA", text: "Emití facturas A, B y C con CAE desde el trabajo terminado, sin cargar los datos dos veces." },
  { title: "Cobros con MercadoPago", text: "Mandá el link de pago por WhatsApp y enterate en el momento en que el cliente paga." },
  { title: "App para técnicos", text: "Tus técnicos ven sus visitas, avisan «en camino», cargan fotos y horas, aun sin señal." },
] as const;

export default function HomePage() {
  return (
    <main className={styles.home}>
      <header className={styles.hero}>
        <p className={styles.brand}>CampoTech</p>
        <h1>Tu oficio en orden, desde el WhatsApp de siempre</h1>
        <p className={styles.lead}>
          Para plomeros, gasistas, electricistas y técnicos de aire de toda la Argentina: atención por WhatsApp, trabajos,
          facturas de ARCA y cobros en un solo lugar.
        </p>
        <p className={styles.actions}>
          <Link href="/ingresar" className={styles.primary}>Ingresar</Link>
          <Link href="/registro" className={styles.secondary}>Creá la cuenta de tu negocio</Link>
          <span className="muted">Entrás con tu celular: te mandamos un código por WhatsApp.</span>
        </p>
      </header>
      <section aria-labelledby="que-hace">
        <h2 id="que-hace">Qué hace CampoTech</h2>
        <ul className={styles.features}>
          {FEATURES.map((f) => (
            <li key={f.title} className="card">
              <h3>{f.title}</h3>
              <p>{f.text}</p>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
