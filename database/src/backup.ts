import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { migrate, type MigrateResult } from "./migrate";

// Logical backups with the system's pg_dump / pg_restore (custom format: compressed, restorable table by table).
// Managed Postgres adds point-in-time recovery on top; this is the copy we hold ourselves and the restore drill.

export type BackupResult = { database: string; file: string; tables: Record<string, number> };
export type RestoreResult = { database: string; tables: Record<string, number>; migrations: Pick<MigrateResult, "applied" | "alreadyApplied"> };

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

// libpq reads the password from a passfile given as a connection parameter, so it never shows in `ps`.
async function withLibpqUrl<T>(url: string, run: (dbname: string) => Promise<T>): Promise<T> {
  const u = new URL(url);
  const dir = mkdtempSync(join(tmpdir(), "campotech-pg-"));
  try {
    const passfile = join(dir, "pgpass");
    const escape = (s: string) => s.replace(/\\/g, "\\\\").replace(/:/g, "\\:");
    writeFileSync(passfile, `*:*:*:${escape(decodeURIComponent(u.username))}:${escape(decodeURIComponent(u.password))}\n`, { mode: 0o600 });
    chmodSync(passfile, 0o600);
    u.password = "";
    u.searchParams.set("passfile", passfile);
    return await run(u.toString());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}: ${stderr.trim()}`))));
  });
}

// Exact row counts of every table in public (the migrations ledger included): what a restore must reproduce.
export async function tableRowCounts(adminUrl: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename");
    const counts: Record<string, number> = {};
    for (const { tablename } of rows) {
      const result = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${client.escapeIdentifier(tablename)}`);
      counts[tablename] = result.rows[0]!.n;
    }
    return counts;
  } finally {
    await client.end();
  }
}

export async function backupDatabase(input: { adminUrl: string; out: string }): Promise<BackupResult> {
  const tables = await tableRowCounts(input.adminUrl);
  // Ownership and grants are left out: the restore recreates them for whatever roles the target uses.
  await withLibpqUrl(input.adminUrl, (dbname) => run("pg_dump", ["--format=custom", "--no-owner", "--no-acl", `--file=${input.out}`, `--dbname=${dbname}`]));
  return { database: new URL(input.adminUrl).pathname.slice(1), file: input.out, tables };
}

/**
 * Restores a dump into a new database on the same server as adminUrl (never over an existing one), then runs the
 * migrations runner against it: it creates the application role if missing, grants it what it needs, and applies
 * any migration newer than the dump — so the restored database is ready for DATABASE_URL to point at it.
 */
export async function restoreDatabase(input: { adminUrl: string; appUrl: string; from: string; into: string }): Promise<RestoreResult> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(input.into)) throw new Error(`invalid database name "${input.into}"`);
  const server = new pg.Client({ connectionString: withDatabase(input.adminUrl, "postgres") });
  await server.connect();
  try {
    const { rowCount } = await server.query("SELECT 1 FROM pg_database WHERE datname = $1", [input.into]);
    if (rowCount) throw new Error(`database "${input.into}" already exists: restore into a new one`);
    await server.query(`CREATE DATABASE ${server.escapeIdentifier(input.into)} TEMPLATE template0`);
  } finally {
    await server.end();
  }
  const adminUrl = withDatabase(input.adminUrl, input.into);
  await withLibpqUrl(adminUrl, (dbname) => run("pg_restore", ["--no-owner", "--no-acl", "--exit-on-error", `--dbname=${dbname}`, input.from]));
  const migrated = await migrate({ adminUrl, appUrl: withDatabase(input.appUrl, input.into) });
  return { database: input.into, tables: await tableRowCounts(adminUrl), migrations: { applied: migrated.applied, alreadyApplied: migrated.alreadyApplied } };
}
