import type { SyncJob } from "@campotech/core/contracts/sync";
import type { OutboxEntry } from "@campotech/core/sync-engine/index";
import * as SQLite from "expo-sqlite";
import type { AppStorage } from "./types";

const SCHEMA = `
PRAGMA journal_mode = WAL;
CREATE TABLE IF NOT EXISTS kv (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS jobs (id TEXT PRIMARY KEY NOT NULL, json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, mutation_id TEXT UNIQUE NOT NULL, json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (sha256 TEXT PRIMARY KEY NOT NULL, body BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS positions (seq INTEGER PRIMARY KEY AUTOINCREMENT, json TEXT NOT NULL);
`;

// The phone's store (expo-sqlite): jobs, the outbox in order, photo/signature bytes until uploaded, and positions
// waiting for the network. Opened lazily so the background location task can use it without the UI.
export function createSqliteStorage(name = "campotech.db"): AppStorage {
  let opened: Promise<SQLite.SQLiteDatabase> | null = null;
  const db = () =>
    (opened ??= SQLite.openDatabaseAsync(name).then(async (d) => {
      await d.execAsync(SCHEMA);
      return d;
    }));
  const getKv = async (key: string) => (await (await db()).getFirstAsync<{ value: string }>("SELECT value FROM kv WHERE key = ?", key))?.value ?? null;
  const setKv = async (key: string, value: string | null) => {
    const d = await db();
    if (value === null) await d.runAsync("DELETE FROM kv WHERE key = ?", key);
    else await d.runAsync("INSERT OR REPLACE INTO kv (key, value) VALUES (?, ?)", key, value);
  };
  return {
    async getJobs() {
      const rows = await (await db()).getAllAsync<{ json: string }>("SELECT json FROM jobs");
      return rows.map((r) => JSON.parse(r.json) as SyncJob);
    },
    async putJobs(jobs) {
      const d = await db();
      await d.withTransactionAsync(async () => {
        for (const job of jobs) await d.runAsync("INSERT OR REPLACE INTO jobs (id, json) VALUES (?, ?)", job.id, JSON.stringify(job));
      });
    },
    async removeJobs(ids) {
      const d = await db();
      for (const id of ids) await d.runAsync("DELETE FROM jobs WHERE id = ?", id);
    },
    getPriceList: async () => JSON.parse((await getKv("priceList")) ?? "[]"),
    putPriceList: (items) => setKv("priceList", JSON.stringify(items)),
    getCursor: () => getKv("cursor"),
    setCursor: (cursor) => setKv("cursor", cursor),
    outbox: {
      async list() {
        const rows = await (await db()).getAllAsync<{ json: string }>("SELECT json FROM outbox ORDER BY seq");
        return rows.map((r) => JSON.parse(r.json) as OutboxEntry);
      },
      add: async (entry) => void (await (await db()).runAsync("INSERT INTO outbox (mutation_id, json) VALUES (?, ?)", entry.mutation.mutationId, JSON.stringify(entry))),
      update: async (entry) => void (await (await db()).runAsync("UPDATE outbox SET json = ? WHERE mutation_id = ?", JSON.stringify(entry), entry.mutation.mutationId)),
      remove: async (id) => void (await (await db()).runAsync("DELETE FROM outbox WHERE mutation_id = ?", id)),
    },
    files: {
      async get(sha256) {
        const row = await (await db()).getFirstAsync<{ body: Uint8Array }>("SELECT body FROM files WHERE sha256 = ?", sha256);
        return row?.body ?? null;
      },
      async put(sha256, body) {
        const bytes = body instanceof Uint8Array ? body : body instanceof ArrayBuffer ? new Uint8Array(body) : new Uint8Array(await body.arrayBuffer());
        await (await db()).runAsync("INSERT OR REPLACE INTO files (sha256, body) VALUES (?, ?)", sha256, bytes);
      },
      remove: async (sha256) => void (await (await db()).runAsync("DELETE FROM files WHERE sha256 = ?", sha256)),
    },
    positions: {
      async add(points) {
        const d = await db();
        for (const p of points) await d.runAsync("INSERT INTO positions (json) VALUES (?)", JSON.stringify(p));
      },
      async peek(limit) {
        const rows = await (await db()).getAllAsync<{ json: string }>("SELECT json FROM positions ORDER BY seq LIMIT ?", limit);
        return rows.map((r) => JSON.parse(r.json));
      },
      drop: async (count) => void (await (await db()).runAsync("DELETE FROM positions WHERE seq IN (SELECT seq FROM positions ORDER BY seq LIMIT ?)", count)),
    },
    settings: { get: (key) => getKv(`setting.${key}`), set: (key, value) => setKv(`setting.${key}`, value) },
    async clear() {
      await (await db()).execAsync("DELETE FROM kv; DELETE FROM jobs; DELETE FROM outbox; DELETE FROM files; DELETE FROM positions;");
    },
  };
}
