import { useCallback, useRef, useSyncExternalStore } from "react";
import type { SyncEngine } from "@campotech/core/sync-engine/index";

// Re-render on every engine change. The snapshot is a counter: the engine's pending()/status() build new objects on
// each call, which useSyncExternalStore would take for endless changes.
export function useEngineVersion(engine: SyncEngine): number {
  const version = useRef(0);
  const subscribe = useCallback(
    (onChange: () => void) =>
      engine.subscribe(() => {
        version.current += 1;
        onChange();
      }),
    [engine],
  );
  return useSyncExternalStore(subscribe, () => version.current, () => version.current);
}
