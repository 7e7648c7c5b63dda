import type { PositionInput } from "@campotech/core/contracts/tracking";
import type { SyncStorage } from "@campotech/core/sync-engine/index";

// Positions recorded while a job is en camino / working, waiting to reach POST /api/tracking/positions.
export type PositionQueue = {
  add(points: PositionInput[]): Promise<void>;
  peek(limit: number): Promise<PositionInput[]>; // oldest first
  drop(count: number): Promise<void>; // the oldest `count`, once the server took them
};

// Small device facts that are not sync data (e.g. which push token the API already has).
export type DeviceSettings = {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
};

// Everything the app keeps on the device: the sync engine's store, the position queue and device settings. clear() on
// logout: the next person on this phone must not see the previous one's jobs (and registers the push token again).
export type AppStorage = SyncStorage & { positions: PositionQueue; settings: DeviceSettings; clear(): Promise<void> };
