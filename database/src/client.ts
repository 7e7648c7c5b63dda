import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../generated/prisma/client.ts";

export type CreatePrismaClientOptions = { connectionString: string; poolSize?: number; connectTimeoutMs?: number };

// issue 22 (outbound): the pool is ours and handed to Prisma's adapter, so the delivery engine's hot path can run
// plain SQL on the same connections (tenant-sql.ts) without a second pool per process.
const pools = new WeakMap<object, pg.Pool>();

// connectTimeoutMs also bounds the wait for a free pooled connection under bursts; health checks race their own timeout.
export function createPrismaClient({ connectionString, poolSize = 10, connectTimeoutMs = 10_000 }: CreatePrismaClientOptions) {
  const pool = new pg.Pool({ connectionString, max: poolSize, connectionTimeoutMillis: connectTimeoutMs });
  // An idle connection cut by a Postgres restart emits "error" on the pool; unhandled, that would end the process.
  // The pool drops the connection and the next checkout opens a fresh one.
  pool.on("error", () => {});
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  pools.set(client, pool);
  return client;
}

export type Database = ReturnType<typeof createPrismaClient>;

// The pg pool under a client made by createPrismaClient.
export function poolOf(db: Database): pg.Pool {
  const pool = pools.get(db);
  if (!pool) throw new Error("poolOf: not a client made by createPrismaClient");
  return pool;
}
