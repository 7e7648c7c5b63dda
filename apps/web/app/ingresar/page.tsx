import type { Metadata } from "next";
import Link from "next/link";
import { safeNext } from "@/lib/safe-next";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Ingresar" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  return (
    <main className="narrow">
      <h1>CampoTech</h1>
      <p className="lead">Ingresá con tu celular: te mandamos un código por WhatsApp.</p>
      <LoginForm next={safeNext(next)} />
      <p className="muted">
        ¿Todavía no tenés cuenta? <Link href="/registro">Creá la de tu negocio</Link>
      </p>
    </main>
  );
}
