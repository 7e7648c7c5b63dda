// The technician app's sync engine (docs/sync.md). Import from "@campotech/core/sync-engine/index".
export { createSyncEngine } from "./create-sync-engine";
export { createFetchTransport } from "./fetch-transport";
export type { FetchTransportOptions } from "./fetch-transport";
export { createMemoryStorage } from "./memory-storage";
export { SyncTransportError } from "./types";
export type {
  EnqueueOptions,
  LocalJob,
  MutationInput,
  OutboxEntry,
  OutboxState,
  SyncEngine,
  SyncEngineOptions,
  SyncReport,
  SyncStatus,
  SyncStorage,
  SyncTransport,
  Timers,
  UploadBody,
} from "./types";
