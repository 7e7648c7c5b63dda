"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState, type FormEvent } from "react";

type Joined = { user: { role: string }; organizationName: string };

// Phone + code → the session comes back as httpOnly cookies. The office goes to the dashboard; a technician works
// from the phone app, so they are told to open it with this same number.
export function JoinForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [joined, setJoined] = useState<(Joined & { phone: string }) | null>(null);
  // The page is static: until the script runs, a submit would be the browser's own GET, putting the phone and the code
  // in the address bar. The button waits for the form to be live.
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const phone = String(form.get("phone") ?? "").trim();
    const code = String(form.get("code") ?? "").trim();
    setBusy(true);
    setError(null);
    let res: Response;
    try {
      res = await fetch("/api/invitations/accept", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ phone, code }) });
    } catch {
      setBusy(false);
      return setError("No hay conexión con el servidor. Revisá tu internet y probá de nuevo.");
    }
    const data = (await res.json().catch(() => null)) as (Joined & { error?: { message?: string; fields?: Record<string, string> } }) | null;
    if (!res.ok) {
      setBusy(false);
      const fields = Object.values(data?.error?.fields ?? {});
      return setError(fields[0] ?? data?.error?.message ?? "No pudimos completar el pedido. Probá de nuevo.");
    }
    if (data!.user.role === "TECHNICIAN") {
      setBusy(false);
      return setJoined({ ...data!, phone });
    }
    router.replace("/panel");
    router.refresh();
  }

  if (joined) {
    return (
      <section className="card" aria-labelledby="joined-h" role="status">
        <h2 id="joined-h">¡Ya sos parte de {joined.organizationName}!</h2>
        <p>Tus trabajos los vas a ver en la app de CampoTech: abrila en tu celular e ingresá con este mismo número ({joined.phone}).</p>
        <p className="muted">Si todavía no la tenés, pedile el enlace de descarga a quien te invitó. También podés mirar el <Link href="/panel">panel</Link>.</p>
      </section>
    );
  }

  return (
    <form className="card form" onSubmit={submit} aria-describedby={error ? "join-error" : undefined}>
      <label>
        Celular
        <input name="phone" type="tel" inputMode="tel" autoComplete="tel" placeholder="11 4000-0001" required autoFocus />
      </label>
      <label>
        Código
        <input name="code" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9]{6}" maxLength={6} required />
      </label>
      {error ? (
        <p id="join-error" role="alert" className="error">
          {error}
        </p>
      ) : null}
      <button type="submit" disabled={busy || !ready}>{busy ? "Verificando…" : "Sumarme"}</button>
    </form>
  );
}
