import Link from "next/link";
import styles from "./mapa.module.css";

// Plans without the dispatch map (FREE, INICIAL): what it would show, with the server's reason on top.
export function MapUpsell({ message }: { message: string }) {
  return (
    <section className={`card ${styles.upsell}`} role="status" aria-labelledby="upsell-title" data-testid="map-upsell">
      <h2 id="upsell-title">Mapa de despacho</h2>
      <p><strong>{message}</strong></p>
      <ul>
        <li>Dónde está cada técnico y si está libre, en camino o trabajando.</li>
        <li>Los trabajos del día en el mapa y el técnico libre más cercano a cada uno.</li>
        <li>Tus clientes siguen al técnico en vivo, con el tiempo estimado de llegada.</li>
      </ul>
      <p className="muted">Mientras tanto, la <Link href="/panel/trabajos?vista=dia">vista del día</Link> muestra los turnos de cada técnico y tus clientes reciben el seguimiento con los pasos de la visita.</p>
    </section>
  );
}
