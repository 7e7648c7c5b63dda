import { useEffect, useState } from "react";
import type { Services } from "../services";
import { useEngineVersion } from "../data/use-engine";
import { startTracking, stopTracking } from "./tracking";

// Positions flow while any of my jobs is en camino or working, and stop as soon as none is (or after logout). Pass
// null services while the session is still loading. Nothing is decided before the local store has loaded: the empty
// list at launch used to stop a trip under way. While a job is active, every engine change makes sure the updates
// still run: the background task stops them on a 409, which also happens when its flush beat the outbox and the
// server had not yet seen the trip start.
export function useTracking(services: Services | null, enabled: boolean): void {
  const engine = services?.engine;
  const version = useEngineVersion(engine ?? NOOP_ENGINE);
  const [loaded, setLoaded] = useState<Services["engine"] | null>(null);
  useEffect(() => {
    if (!engine) return;
    let live = true;
    void engine.load().then(() => live && setLoaded(engine)).catch(() => undefined);
    return () => {
      live = false;
    };
  }, [engine]);
  const ready = !!engine && loaded === engine;
  const active = enabled && ready && engine.jobs().some((j) => j.status === "en_camino" || j.status === "working");
  const ensure = active ? version : -1;
  useEffect(() => {
    if (!services || !ready) return;
    if (active) void startTracking(services).catch(() => false);
    else void stopTracking().catch(() => undefined);
  }, [active, ensure, ready, services]);
}

const NOOP_ENGINE = { subscribe: () => () => undefined } as unknown as Services["engine"];
