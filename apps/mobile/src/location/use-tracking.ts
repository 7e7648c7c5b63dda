import { useEffect } from "react";
import type { Services } from "../services";
import { useEngineVersion } from "../data/use-engine";
import { startTracking, stopTracking } from "./tracking";

// Positions flow while any of my jobs is en camino or working, and stop as soon as none is.
export function useTracking(services: Services | null, enabled: boolean): void {
  const engine = services?.engine;
  useEngineVersion(engine ?? NOOP_ENGINE);
  const active = enabled && !!engine?.jobs().some((j) => j.status === "en_camino" || j.status === "working");
  useEffect(() => {
    if (!services) return;
    if (active) void startTracking(services).catch(() => false);
    else void stopTracking().catch(() => undefined);
  }, [active, services]);
}

const NOOP_ENGINE = { subscribe: () => () => undefined } as unknown as Services["engine"];
