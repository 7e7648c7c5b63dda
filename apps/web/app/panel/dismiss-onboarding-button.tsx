"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

// Hides the checklist for the whole organization (POST /api/onboarding/dismiss, owner or admin).
export function DismissOnboardingButton() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function dismiss() {
    setBusy(true);
    setError(null);
    const res = await fetch("/api/onboarding/dismiss", { method: "POST" });
    if (res.ok) {
      router.refresh();
      return;
    }
    const data = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    setError(data?.error?.message ?? "No pudimos ocultar la lista. Probá de nuevo.");
    setBusy(false);
  }

  return (
    <p className="row">
      <button type="button" className="link" onClick={dismiss} disabled={busy}>Ocultar esta lista</button>
      {error ? <span role="alert" className="error">{error}</span> : null}
    </p>
  );
}
