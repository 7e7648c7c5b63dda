import pg from "pg";
import type { Prisma } from "../generated/prisma/client.ts";
import { poolOf, type Database } from "./client";
import { TENANT_SETTING, type TenantTx } from "./tenant";

export type SqlTx = { query<R>(sql: Prisma.Sql): Promise<R[]> };

// issue 22 (inbox): a Prisma tenant transaction seen as an SqlTx, so one read written in SQL serves both a plain-SQL
// request (withTenantSql) and a use-case already inside withTenant (a mutation re-reading what it changed). Both
// return timestamps as Date, jsonb parsed and int as number; cast counts to int (count(*) is a bigint).
export function sqlOf(tx: TenantTx): SqlTx {
  return { query: <R>(sql: Prisma.Sql) => tx.$queryRaw<R[]>(sql) };
}

// `timestamp` columns hold UTC (Prisma writes them so); pg's default parser would read them as local time.
const TIMESTAMP_OID = 1114;
const UTC_TYPES = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === TIMESTAMP_OID && format !== "binary") return (value: string) => new Date(`${value.replace(" ", "T")}Z`);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

/**
 * issue 22 (outbound): withTenant (tenant.ts) for the delivery engine's hot path, in plain SQL on the same pool —
 * Prisma's interactive transactions cost more CPU than the statements they carry. Same guarantees: one transaction,
 * the organization set with is_local = true before anything runs (RLS applies), an optional transaction-scoped
 * advisory lock taken in that same round trip, rollback on any error. Statements are Prisma.sql fragments, run with
 * their bound values ($1…); only the opening line inlines the organization id and lock key, escaped by the driver.
 */
export async function withTenantSql<T>(
  db: Database,
  organizationId: string,
  fn: (tx: SqlTx) => Promise<T>,
  options: { timeoutMs?: number; advisoryLock?: { namespace: number; key: string } } = {},
): Promise<T> {
  if (!organizationId) throw new Error("withTenantSql needs an organization id");
  return onPooledClient(db, async (client) => {
    const lock = options.advisoryLock
      ? `, pg_advisory_xact_lock(${Math.trunc(options.advisoryLock.namespace)}::int, hashtext(${client.escapeLiteral(options.advisoryLock.key)}))`
      : "";
    await client.query(
      `BEGIN; SET LOCAL statement_timeout = ${Math.trunc(options.timeoutMs ?? 15_000)}; ` +
        `SELECT set_config('${TENANT_SETTING}', ${client.escapeLiteral(organizationId)}, true)${lock}`,
    );
    const result = await fn({
      query: async <R>(sql: Prisma.Sql) => (await client.query({ text: sql.text, values: sql.values, types: UTC_TYPES })).rows as R[],
    });
    await client.query("COMMIT");
    return result;
  });
}

// Checks a connection out for one transaction the callback opens; rolls back on any error. A connection that cannot
// even roll back (cut by a restart) is discarded, never returned to the pool.
async function onPooledClient<T>(db: Database, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await poolOf(db).connect();
  let broken: Error | undefined;
  try {
    return await fn(client);
  } catch (error) {
    await client.query("ROLLBACK").catch((rollbackError: Error) => {
      broken = rollbackError;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}

export type TenantStatement = { organizationId: string; sql: Prisma.Sql; advisoryLock?: { namespace: number; key: string } };

/**
 * issue 22 (outbound): several tenants' statements in ONE transaction and ONE round trip — what lets a worker running
 * many deliveries at once pay one network write and one backend wake-up for all of them instead of three each.
 * Before each statement the transaction's organization is switched (set_config is_local, read by the RLS policies
 * at each statement), with that statement's advisory lock if it has one (locks are held to the commit; a batch never
 * takes the same key twice, and keys are taken in the order given — callers sort them). The whole batch commits or
 * fails together; callers that must isolate a bad item retry the items one by one. Values are inlined as literals
 * escaped by the driver (the simple-query protocol that allows several statements takes no bound parameters).
 */
export async function runTenantStatements<R>(db: Database, statements: TenantStatement[], options: { timeoutMs?: number } = {}): Promise<R[][]> {
  if (statements.length === 0) return [];
  return onPooledClient(db, async (client) => {
    const literal = (value: unknown) => toLiteral(client, value);
    const parts = [`BEGIN; SET LOCAL statement_timeout = ${Math.trunc(options.timeoutMs ?? 15_000)}`];
    for (const statement of statements) {
      if (!statement.organizationId) throw new Error("runTenantStatements needs an organization id for every statement");
      const lock = statement.advisoryLock
        ? `, pg_advisory_xact_lock(${Math.trunc(statement.advisoryLock.namespace)}::int, hashtext(${literal(statement.advisoryLock.key)}))`
        : "";
      parts.push(`SELECT set_config('${TENANT_SETTING}', ${literal(statement.organizationId)}, true)${lock}`);
      parts.push(inline(statement.sql, literal));
    }
    parts.push("COMMIT");
    const results = (await client.query({ text: parts.join(";\n"), types: UTC_TYPES })) as unknown as pg.QueryResult[];
    // BEGIN, SET LOCAL, then per statement: its set_config and itself; COMMIT.
    return statements.map((_, i) => results[2 + 2 * i + 1]!.rows as R[]);
  });
}

function inline(sql: Prisma.Sql, literal: (value: unknown) => string): string {
  let text = sql.strings[0]!;
  sql.values.forEach((value, i) => {
    text += literal(value) + sql.strings[i + 1]!;
  });
  return text;
}

function toLiteral(client: pg.PoolClient, value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`cannot inline ${value}`);
    return String(value);
  }
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return client.escapeLiteral(value);
  if (value instanceof Date) return client.escapeLiteral(value.toISOString());
  return client.escapeLiteral(JSON.stringify(value));
}
