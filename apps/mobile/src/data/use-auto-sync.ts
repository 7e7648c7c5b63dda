import { useEffect } from "react";
import { AppState } from "react-native";
import type { SyncEngine } from "@campotech/core/sync-engine/index";

const FOREGROUND_SYNC_MS = 60_000;

// Sync on sign-in, when the app comes back to the foreground, when the browser says the network is back, and every
// minute while open (assignments changed by the office). Failed syncs also retry with backoff inside the engine.
export function useAutoSync(engine: SyncEngine | null): void {
  useEffect(() => {
    if (!engine) return;
    void engine.load().then(() => engine.sync());
    const appState = AppState.addEventListener("change", (state) => state === "active" && void engine.sync());
    const online = () => void engine.sync();
    const win = globalThis as { addEventListener?: (t: string, f: () => void) => void; removeEventListener?: (t: string, f: () => void) => void };
    win.addEventListener?.("online", online);
    const timer = setInterval(() => void engine.sync(), FOREGROUND_SYNC_MS);
    return () => {
      appState.remove();
      win.removeEventListener?.("online", online);
      clearInterval(timer);
    };
  }, [engine]);
}
