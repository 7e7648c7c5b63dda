import type { Metadata } from "next";
import Link from "next/link";

// The root segment's own title: the layout's "%s · CampoTech" template only applies to child segments.
export const metadata: Metadata = { title: { absolute: "Página no encontrada · CampoTech" } };

// Any unknown address, for staff and customers alike: say so in Spanish and offer the ways back in.
export default function NotFound() {
  return (
    <main>
      <h1>No encontramos esta página</h1>
      <section className="card" role="alert">
        <p>La dirección no existe o cambió. Revisá el enlace o seguí desde acá:</p>
        <ul>
          <li><Link href="/panel">Ir al panel</Link></li>
          <li><Link href="/ingresar">Ingresar</Link></li>
          <li><Link href="/">Inicio</Link></li>
        </ul>
        <p className="muted">Si llegaste desde un mensaje de WhatsApp, escribinos por ahí y te ayudamos.</p>
      </section>
    </main>
  );
}
