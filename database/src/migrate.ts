import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";

// Applies database/migrations/*/migration.sql in order, once each, recording name and checksum in
// _campotech_migrations. Safe to run twice and from several processes (advisory lock). Also makes sure the
// database and the application role exist: the app role gets DML only and never BYPASSRLS.
export type MigrateOptions = {
  adminUrl: string;
  appUrl: string;
  migrationsDir?: string;
  log?: (line: string) => void;
};

export type MigrateResult = { applied: string[]; alreadyApplied: string[]; database: string; appRole: string };

const LOCK_KEY = 727_274_001;
export const MIGRATIONS_DIR = new URL("../migrations", import.meta.url).pathname;

export function listMigrations(dir: string = MIGRATIONS_DIR): { name: string; sql: string; checksum: string }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory())
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const url = new URL(adminUrl);
  url.pathname = "/postgres";
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } catch (error) {
    // Two runners racing to create the database: the loser sees duplicate_database, or — when both got past the
    // existence check in the same instant — a unique violation on pg_database's name index.
    const code = (error as { code?: string }).code;
    if (code !== "42P04" && code !== "23505") throw error;
  } finally {
    await client.end();
  }
}

// Roles live in the cluster's shared catalog: two databases migrating at once (CI beside a developer's run, two
// checkouts) can both ALTER ROLE / GRANT on the same catalog row, and Postgres answers the loser with
// "tuple concurrently updated" (XX000) instead of waiting. The statements are idempotent, so try again.
async function retryOnConcurrentCatalogUpdate(run: () => Promise<unknown>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await run();
      return;
    } catch (error) {
      if (attempt >= 5 || !/tuple concurrently updated/.test((error as Error).message)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 100));
    }
  }
}

async function ensureAppRole(client: pg.Client, role: string, password: string): Promise<void> {
  const r = client.escapeIdentifier(role);
  const pw = client.escapeLiteral(password);
  const { rowCount } = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]);
  const attrs = `LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD ${pw}`;
  try {
    await client.query(rowCount ? `ALTER ROLE ${r} WITH ${attrs}` : `CREATE ROLE ${r} WITH ${attrs}`);
  } catch (error) {
    if ((error as { code?: string }).code !== "42710") throw error; // created concurrently
  }
}

export async function migrate({ adminUrl, appUrl, migrationsDir, log = () => {} }: MigrateOptions): Promise<MigrateResult> {
  const database = new URL(adminUrl).pathname.slice(1);
  const app = new URL(appUrl);
  const appRole = decodeURIComponent(app.username);
  if (!database) throw new Error("DATABASE_ADMIN_URL must name a database");
  if (!appRole) throw new Error("DATABASE_URL must name the application role");
  if (app.pathname.slice(1) !== database) throw new Error("DATABASE_URL and DATABASE_ADMIN_URL must name the same database");

  await ensureDatabase(adminUrl, database);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  const applied: string[] = [];
  const alreadyApplied: string[] = [];
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
    await retryOnConcurrentCatalogUpdate(() => ensureAppRole(client, appRole, decodeURIComponent(app.password)));
    await client.query(`CREATE TABLE IF NOT EXISTS _campotech_migrations (
      name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await client.query<{ name: string; checksum: string }>("SELECT name, checksum FROM _campotech_migrations");
    const done = new Map(rows.map((row) => [row.name, row.checksum]));
    for (const migration of listMigrations(migrationsDir)) {
      const previous = done.get(migration.name);
      if (previous) {
        if (previous !== migration.checksum) {
          throw new Error(`migration ${migration.name} was changed after it was applied; add a new migration instead`);
        }
        alreadyApplied.push(migration.name);
        continue;
      }
      log(`applying ${migration.name}`);
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query("INSERT INTO _campotech_migrations (name, checksum) VALUES ($1, $2)", [migration.name, migration.checksum]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`migration ${migration.name} failed: ${(error as Error).message}`, { cause: error });
      }
      applied.push(migration.name);
    }
    const r = client.escapeIdentifier(appRole);
    await retryOnConcurrentCatalogUpdate(async () => {
      await client.query(`GRANT CONNECT ON DATABASE ${client.escapeIdentifier(database)} TO ${r}`);
      await client.query(`GRANT USAGE ON SCHEMA public TO ${r}`);
      await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`);
      await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`);
      await client.query(`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO ${r}`);
      await client.query(`REVOKE ALL ON _campotech_migrations FROM ${r}`);
    });
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]).catch(() => {});
    await client.end();
  }
  return { applied, alreadyApplied, database, appRole };
}
