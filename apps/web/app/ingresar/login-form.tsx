"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

type Step = { kind: "phone" } | { kind: "code"; phone: string };

async function post(path: string, body: unknown): Promise<{ ok: boolean; error?: string }> {
  const res = await fetch(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (res.ok) return { ok: true };
  const data = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  return { ok: false, error: data?.error?.message ?? "No pudimos completar el pedido. Probá de nuevo." };
}

// Phone, then the 6-digit code that arrives by WhatsApp (or SMS). The session comes back as httpOnly cookies.
export function LoginForm({ next }: { next: string }) {
  const router = useRouter();
  const [step, setStep] = useState<Step>({ kind: "phone" });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    if (step.kind === "phone") {
      const phone = String(form.get("phone") ?? "").trim();
      const result = await post("/api/auth/otp/request", { phone });
      if (result.ok) setStep({ kind: "code", phone });
      else setError(result.error!);
    } else {
      const result = await post("/api/auth/otp/verify", { phone: step.phone, code: String(form.get("code") ?? "").trim() });
      if (result.ok) {
        router.replace(next);
        router.refresh();
        return;
      }
      setError(result.error!);
    }
    setBusy(false);
  }

  return (
    <form className="card form" onSubmit={submit} aria-describedby={error ? "login-error" : undefined}>
      {step.kind === "phone" ? (
        <label>
          Celular
          <input name="phone" type="tel" inputMode="tel" autoComplete="tel" placeholder="11 4000-0001" required autoFocus />
        </label>
      ) : (
        <>
          <p>Te mandamos un código a {step.phone}.</p>
          <label>
            Código
            <input name="code" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9]{6}" maxLength={6} required autoFocus />
          </label>
        </>
      )}
      {error ? (
        <p id="login-error" role="alert" className="error">
          {error}
        </p>
      ) : null}
      <button type="submit" disabled={busy}>
        {step.kind === "phone" ? "Enviarme el código" : "Ingresar"}
      </button>
      {step.kind === "code" ? (
        <button type="button" className="link" onClick={() => setStep({ kind: "phone" })}>
          Cambiar el número
        </button>
      ) : null}
    </form>
  );
}
