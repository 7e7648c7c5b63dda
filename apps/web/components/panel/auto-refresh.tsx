"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

// Re-renders the server page every few seconds without a full reload (and at once when the tab comes back:
// browsers slow background timers) while something is on its way, e.g. an invoice waiting for its CAE.
export function AutoRefresh({ seconds, message }: { seconds: number; message: string }) {
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
      {message}
    </p>
  );
}
