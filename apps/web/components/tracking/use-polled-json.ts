"use client";

import { useCallback, useEffect, useRef, useState } from "react";

// GET a JSON view now and again every `seconds` while the tab is visible (at once when it comes back). A failed
// refresh keeps the last data on screen with a note; 401/403/404 stop the polling (asking again will not help) and
// come back with the server's Spanish message. `url` null: nothing to load.
export type Polled<T> = {
  data: T | null;
  // The server said no (403: the plan or the role; 404: gone). Shown instead of the data.
  refused: { status: number; message: string } | null;
  // The last refresh failed (network, 5xx): the data on screen may be old.
  stale: boolean;
  refresh: () => void;
};

export function usePolledJson<T>(url: string | null, seconds: number): Polled<T> {
  const [state, setState] = useState<{ url: string | null; data: T | null; refused: Polled<T>["refused"]; stale: boolean }>({ url, data: null, refused: null, stale: false });
  const kick = useRef<() => void>(() => {});

  useEffect(() => {
    setState((s) => (s.url === url ? s : { url, data: null, refused: null, stale: false }));
    if (!url) return;
    let stopped = false;
    let busy = false;
    // A refresh asked for while a request is in flight (e.g. right after assigning): run again when it lands.
    let pending = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      clearTimeout(timer);
      if (stopped) return;
      if (busy) {
        pending = true;
        return;
      }
      busy = true;
      pending = false;
      let again = true;
      try {
        const response = await fetch(url, { cache: "no-store", credentials: "same-origin" });
        const payload: unknown = await response.json().catch(() => null);
        if (stopped) return;
        if (response.ok) setState({ url, data: payload as T, refused: null, stale: false });
        else if (response.status === 401 || response.status === 403 || response.status === 404) {
          again = false;
          const message = (payload as { error?: { message?: string } } | null)?.error?.message;
          setState({
            url,
            data: null,
            stale: false,
            refused: { status: response.status, message: response.status === 401 ? "Tu sesión venció. Recargá la página para volver a ingresar." : (message ?? "No tenés acceso a esto.") },
          });
        } else setState((s) => ({ ...s, stale: true }));
      } catch {
        if (!stopped) setState((s) => ({ ...s, stale: true }));
      } finally {
        busy = false;
      }
      if (!stopped && again && (pending || seconds > 0)) timer = setTimeout(() => void load(), pending ? 0 : seconds * 1000);
    };
    kick.current = () => void load();
    const onVisible = () => document.visibilityState === "visible" && void load();
    void load();
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [url, seconds]);

  const refresh = useCallback(() => kick.current(), []);
  // Data of a previous url is never shown for the new one.
  const current = state.url === url;
  return { data: current ? state.data : null, refused: current ? state.refused : null, stale: current && state.stale, refresh };
}
