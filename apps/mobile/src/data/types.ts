import type { PositionInput } from "@campotech/core/contracts/tracking";
import type { SyncStorage } from "@campotech/core/sync-engine/index";

// Positions recorded while a job is en camino / working, waiting to reach POST /api/tracking/positions.
export type PositionQueue = {
  add(points: PositionInput[]): Promise<void>;
  peek(limit: number): Promise<PositionInput[]>; // oldest first
  drop(count: number): Promise<void>; // the oldest `count`, once the server took them
};

// Everything the app keeps on the device: the sync engine's store plus the position queue. clear() on logout: the
// next person on this phone must not see the previous one's jobs.
export type AppStorage = SyncStorage & { positions: PositionQueue; clear(): Promise<void> };
