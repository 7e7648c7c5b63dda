import type { Metadata } from "next";
import { JoinForm } from "./join-form";

export const metadata: Metadata = { title: "Sumate a tu equipo" };
// Rendered per request: the page's scripts carry the request's CSP nonce (proxy.ts), which a prerendered page cannot.
export const dynamic = "force-dynamic";

// Public: where an invitation's code is used. No session needed; the answer opens one.
export default function JoinPage() {
  return (
    <main className="narrow">
      <h1>Sumate a tu equipo</h1>
      <p className="lead">Ingresá tu celular y el código de 6 dígitos que te llegó por WhatsApp (o SMS) con la invitación.</p>
      <JoinForm />
    </main>
  );
}
