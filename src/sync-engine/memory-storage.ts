import type { SyncJob, SyncPriceListItem } from "../contracts/sync";
import type { OutboxEntry, SyncStorage, UploadBody } from "./types";

// SyncStorage in memory: for the engine's tests and as the reference of the contract the app's expo-sqlite storage
// implements. Values are copied in and out, as a real store would (no shared mutable objects).
export function createMemoryStorage(): SyncStorage & { snapshot(): { jobs: SyncJob[]; outbox: OutboxEntry[]; cursor: string | null } } {
  const jobs = new Map<string, SyncJob>();
  const outbox: OutboxEntry[] = [];
  const files = new Map<string, UploadBody>();
  let priceList: SyncPriceListItem[] = [];
  let cursor: string | null = null;
  const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
  return {
    getJobs: async () => copy([...jobs.values()]),
    putJobs: async (list) => {
      for (const job of list) jobs.set(job.id, copy(job));
    },
    removeJobs: async (ids) => {
      for (const id of ids) jobs.delete(id);
    },
    getPriceList: async () => copy(priceList),
    putPriceList: async (items) => {
      priceList = copy(items);
    },
    getCursor: async () => cursor,
    setCursor: async (value) => {
      cursor = value;
    },
    outbox: {
      list: async () => copy(outbox),
      add: async (entry) => {
        outbox.push(copy(entry));
      },
      update: async (entry) => {
        const i = outbox.findIndex((e) => e.mutation.mutationId === entry.mutation.mutationId);
        if (i >= 0) outbox[i] = copy(entry);
      },
      remove: async (mutationId) => {
        const i = outbox.findIndex((e) => e.mutation.mutationId === mutationId);
        if (i >= 0) outbox.splice(i, 1);
      },
    },
    files: {
      get: async (sha256) => files.get(sha256) ?? null,
      put: async (sha256, body) => {
        files.set(sha256, body);
      },
      remove: async (sha256) => {
        files.delete(sha256);
      },
    },
    snapshot: () => ({ jobs: copy([...jobs.values()]), outbox: copy(outbox), cursor }),
  };
}
