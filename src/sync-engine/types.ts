import type { SyncAttachmentKind, SyncJob, SyncMutation, SyncPriceListItem, SyncPullResponse, SyncPushResponse, SyncUploadResponse } from "../contracts/sync";

// The sync engine's seams. Plain TypeScript, no Node or server imports: it runs in React Native (Hermes), the browser
// and Node tests. The app supplies storage (expo-sqlite + the file system) and a transport (createFetchTransport).

// Photo or signature bytes as the platform has them.
export type UploadBody = Uint8Array | ArrayBuffer | Blob;

// queued: waiting to be sent · sending: in a push right now (after a crash: sent again; the server dedupes) ·
// failed: not delivered yet (no network, server trouble, upload pending) — retried with backoff · rejected: the server
// said no (reason in Spanish, for the technician) · conflict: someone changed the same text or quote meanwhile (the
// server's value is here; nothing was overwritten). rejected and conflict wait for the person (dismiss / resolve).
export type OutboxState = "queued" | "sending" | "failed" | "rejected" | "conflict";

export type OutboxEntry = {
  mutation: SyncMutation;
  state: OutboxState;
  attempts: number; // pushes that carried it
  error: { code: string; message: string } | null;
  conflict: { field: "notes" | "description" | "lineItems"; serverValue: unknown; message: string } | null;
  // attach mutations: the file goes up (by hash) before the mutation is pushed.
  upload: { sha256: string; mimeType: string; done: boolean } | null;
  updatedAt: number;
};

export type SyncStorage = {
  getJobs(): Promise<SyncJob[]>;
  putJobs(jobs: SyncJob[]): Promise<void>; // insert or replace by id
  removeJobs(ids: string[]): Promise<void>;
  getPriceList(): Promise<SyncPriceListItem[]>;
  putPriceList(items: SyncPriceListItem[]): Promise<void>;
  getCursor(): Promise<string | null>;
  setCursor(cursor: string | null): Promise<void>;
  outbox: {
    list(): Promise<OutboxEntry[]>; // in the order added
    add(entry: OutboxEntry): Promise<void>;
    update(entry: OutboxEntry): Promise<void>; // by entry.mutation.mutationId
    remove(mutationId: string): Promise<void>;
  };
  files: {
    get(sha256: string): Promise<UploadBody | null>;
    put(sha256: string, body: UploadBody): Promise<void>;
    remove(sha256: string): Promise<void>;
  };
};

export type SyncTransport = {
  pull(cursor: string | null): Promise<SyncPullResponse>;
  push(mutations: SyncMutation[]): Promise<SyncPushResponse>;
  upload(sha256: string, mimeType: string, body: UploadBody): Promise<SyncUploadResponse>;
};

// A transport failure. network: no answer (offline, timeout); http: the server answered with an error status.
export class SyncTransportError extends Error {
  override name = "SyncTransportError";
  constructor(
    readonly kind: "network" | "http",
    message: string,
    readonly status: number | null = null,
    readonly code: string | null = null,
  ) {
    super(message);
  }
  // 4xx other than auth, timeouts and rate limits: sending the same thing again will not help.
  get permanent(): boolean {
    return this.kind === "http" && this.status !== null && this.status >= 400 && this.status < 500 && ![401, 408, 429].includes(this.status);
  }
}

// What enqueue takes: a mutation without the ids the engine fills (mutationId, createdAt) and, for free text and quote
// lines, without the base (taken from what the phone shows now).
type Distribute<T> = T extends SyncMutation ? T : never;
type WithoutEngineFields<T> = T extends { type: "set_text" }
  ? Omit<T, "mutationId" | "createdAt" | "base"> & { base?: string }
  : T extends { type: "set_line_items" }
    ? Omit<T, "mutationId" | "createdAt" | "baseLinesVersion"> & { baseLinesVersion?: string }
    : Omit<T, "mutationId" | "createdAt">;
export type MutationInput = WithoutEngineFields<Distribute<SyncMutation>> & { mutationId?: string; createdAt?: string };

export type EnqueueOptions = { file?: { body?: UploadBody; mimeType: string } };

// A job as the app shows it: the server's state with the queued actions applied on top.
export type LocalJob = SyncJob & {
  pendingCount: number; // queued / sending / failed actions on it
  problems: OutboxEntry[]; // rejected and conflicting actions on it, for the person to see
  totalsEstimated: boolean; // quote lines changed locally: totals are the phone's estimate until the server answers
};

export type SyncStatus = {
  syncing: boolean;
  lastSyncAt: number | null;
  lastError: { code: string; message: string } | null;
  failures: number; // consecutive failed syncs
  nextRetryAt: number | null;
  authRequired: boolean; // the server refused the token: log in again
};

export type SyncReport = { pushed: number; applied: number; rejected: number; conflicts: number; pulledJobs: number; removedJobs: number; ok: boolean };

export type Timers = { setTimeout(fn: () => void, ms: number): unknown; clearTimeout(handle: unknown): void };

export type SyncEngineOptions = {
  storage: SyncStorage;
  transport: SyncTransport;
  now?: () => number;
  newId?: () => string;
  timers?: Timers;
  random?: () => number; // backoff jitter (tests pin it)
  backoff?: { baseMs: number; maxMs: number };
  // Retry failed syncs on their own with exponential backoff (default true).
  autoRetry?: boolean;
};

export type SyncEngine = {
  load(): Promise<void>;
  sync(): Promise<SyncReport>;
  enqueue(input: MutationInput, options?: EnqueueOptions): Promise<OutboxEntry>;
  jobs(): LocalJob[];
  job(id: string): LocalJob | null;
  priceList(): SyncPriceListItem[];
  pending(): OutboxEntry[];
  status(): SyncStatus;
  subscribe(listener: () => void): () => void;
  dismiss(mutationId: string): Promise<void>;
  resolveConflict(mutationId: string, keep: "mine" | "theirs"): Promise<OutboxEntry | null>;
  dispose(): void;
};

export type { SyncAttachmentKind };
