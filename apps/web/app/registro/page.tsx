import type { Metadata } from "next";
import Link from "next/link";
import { SignupForm } from "./signup-form";

export const metadata: Metadata = { title: "Creá tu cuenta" };
// Rendered per request: the form needs its scripts, and only a per-request render carries the CSP nonce (proxy.ts).
export const dynamic = "force-dynamic";

// Public: a business signs itself up with the owner's mobile (code by SMS) and lands in /panel signed in.
export default function SignupPage() {
  return (
    <main className="narrow">
      <h1>Creá la cuenta de tu negocio</h1>
      <p className="lead">Empezá gratis o probá el plan Profesional 14 días. Solo necesitás tu celular y el CUIT.</p>
      <SignupForm />
      <p className="muted">
        ¿Ya tenés cuenta? <Link href="/ingresar">Ingresá</Link>
      </p>
    </main>
  );
}
