import type { SyncJob, SyncPriceListItem } from "@campotech/core/contracts/sync";
import type { PositionInput } from "@campotech/core/contracts/tracking";
import type { OutboxEntry } from "@campotech/core/sync-engine/index";
import { base64ToBytes, bytesToBase64 } from "../lib/base64";
import type { AppStorage } from "./types";

// The web export's store, behind the same interface as expo-sqlite (which needs WASM and COOP/COEP headers on the
// web). localStorage survives reloads and going offline; files are kept as base64 until uploaded (the compressed
// photos are small — a full day of big photos offline is the phone's job, not the browser's).
export function createWebStorage(prefix = "campotech.sync."): AppStorage {
  const ls = globalThis.localStorage;
  const read = <T,>(key: string, fallback: T): T => {
    const raw = ls.getItem(prefix + key);
    return raw === null ? fallback : (JSON.parse(raw) as T);
  };
  const write = (key: string, value: unknown) => ls.setItem(prefix + key, JSON.stringify(value));
  const jobs = () => read<Record<string, SyncJob>>("jobs", {});
  const outbox = () => read<OutboxEntry[]>("outbox", []);
  return {
    getJobs: async () => Object.values(jobs()),
    async putJobs(list) {
      const all = jobs();
      for (const job of list) all[job.id] = job;
      write("jobs", all);
    },
    async removeJobs(ids) {
      const all = jobs();
      for (const id of ids) delete all[id];
      write("jobs", all);
    },
    getPriceList: async () => read<SyncPriceListItem[]>("priceList", []),
    putPriceList: async (items) => write("priceList", items),
    getCursor: async () => read<string | null>("cursor", null),
    setCursor: async (cursor) => write("cursor", cursor),
    outbox: {
      list: async () => outbox(),
      add: async (entry) => write("outbox", [...outbox(), entry]),
      update: async (entry) => write("outbox", outbox().map((e) => (e.mutation.mutationId === entry.mutation.mutationId ? entry : e))),
      remove: async (id) => write("outbox", outbox().filter((e) => e.mutation.mutationId !== id)),
    },
    files: {
      async get(sha256) {
        const b64 = ls.getItem(`${prefix}file.${sha256}`);
        return b64 === null ? null : base64ToBytes(b64);
      },
      async put(sha256, body) {
        const bytes = body instanceof Uint8Array ? body : body instanceof ArrayBuffer ? new Uint8Array(body) : new Uint8Array(await body.arrayBuffer());
        ls.setItem(`${prefix}file.${sha256}`, bytesToBase64(bytes));
      },
      remove: async (sha256) => ls.removeItem(`${prefix}file.${sha256}`),
    },
    positions: {
      add: async (points) => write("positions", [...read<PositionInput[]>("positions", []), ...points]),
      peek: async (limit) => read<PositionInput[]>("positions", []).slice(0, limit),
      drop: async (count) => write("positions", read<PositionInput[]>("positions", []).slice(count)),
    },
    settings: {
      get: async (key) => read<string | null>(`setting.${key}`, null),
      set: async (key, value) => write(`setting.${key}`, value),
    },
    async clear() {
      for (const key of Object.keys(ls)) if (key.startsWith(prefix)) ls.removeItem(key);
    },
  };
}
