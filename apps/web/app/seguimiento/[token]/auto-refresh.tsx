"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

// Re-renders the server page while the visit is in progress, without a full reload: every few seconds, and at once
// when the customer comes back to the tab (phones suspend background timers).
export function AutoRefresh({ seconds }: { seconds: number }) {
  const router = useRouter();
  useEffect(() => {
    const refresh = () => router.refresh();
    const onVisible = () => document.visibilityState === "visible" && refresh();
    const timer = setInterval(refresh, seconds * 1000);
    window.addEventListener("focus", refresh);
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      clearInterval(timer);
      window.removeEventListener("focus", refresh);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [router, seconds]);
  return (
    <p className="muted" aria-live="polite">
      Esta página se actualiza sola.
    </p>
  );
}
