import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client.ts";

export type CreatePrismaClientOptions = { connectionString: string; poolSize?: number; connectTimeoutMs?: number };

// connectTimeoutMs also bounds the wait for a free pooled connection under bursts; health checks race their own timeout.
export function createPrismaClient({ connectionString, poolSize = 10, connectTimeoutMs = 10_000 }: CreatePrismaClientOptions) {
  const adapter = new PrismaPg({ connectionString, max: poolSize, connectionTimeoutMillis: connectTimeoutMs });
  return new PrismaClient({ adapter });
}

export type Database = ReturnType<typeof createPrismaClient>;
