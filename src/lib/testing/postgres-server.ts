import { execFile } from "node:child_process";
import { chownSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { freePort } from "./redis-server";

// A throwaway Postgres cluster (initdb in a temp dir, its own port) for tests and harnesses that stop or restart
// Postgres: never the shared server other tests use. Postgres refuses to run as root, so when we are root the
// cluster belongs to the `postgres` system user (runuser). Trust authentication on 127.0.0.1 only: any password works.

const run = promisify(execFile);
const PG_BIN = "/usr/lib/postgresql/15/bin";

export type PostgresServer = {
  port: number;
  dataDir: string;
  /** postgresql://postgres@127.0.0.1:<port>/<database> */
  urlFor(database: string, user?: string, password?: string): string;
  /** Fast shutdown (open connections are cut, as in a failover or a restart), then start again on the same port. */
  restart(downMs?: number): Promise<void>;
  stop(): Promise<void>;
};

function asOwner(args: string[]): [string, string[]] {
  const root = process.getuid?.() === 0;
  return root ? ["runuser", ["-u", "postgres", "--", ...args]] : [args[0]!, args.slice(1)];
}

async function pgCtl(dataDir: string, action: "start" | "stop", port: number): Promise<void> {
  const extra = action === "start"
    ? ["-o", `-p ${port} -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`, "-l", join(dataDir, "server.log")]
    : ["-m", "fast"];
  const [cmd, args] = asOwner([`${PG_BIN}/pg_ctl`, "-D", dataDir, "-w", "-t", "60", action, ...extra]);
  await run(cmd, args);
}

export async function startPostgresServer(options: { port?: number } = {}): Promise<PostgresServer> {
  const port = options.port ?? (await freePort());
  const dataDir = mkdtempSync(join(tmpdir(), "campotech-pg-"));
  if (process.getuid?.() === 0) chownSync(dataDir, ...(await postgresIds()));
  const [cmd, args] = asOwner([`${PG_BIN}/initdb`, "-D", dataDir, "-U", "postgres", "--auth", "trust", "-E", "UTF8", "--locale", "C.UTF-8"]);
  await run(cmd, args);
  await pgCtl(dataDir, "start", port);
  let running = true;
  return {
    port,
    dataDir,
    urlFor: (database, user = "postgres", password = "postgres") => `postgresql://${user}:${password}@127.0.0.1:${port}/${database}`,
    restart: async (downMs = 0) => {
      await pgCtl(dataDir, "stop", port);
      if (downMs) await new Promise((r) => setTimeout(r, downMs));
      await pgCtl(dataDir, "start", port);
    },
    stop: async () => {
      if (!running) return;
      running = false;
      await pgCtl(dataDir, "stop", port).catch(() => {});
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function postgresIds(): Promise<[number, number]> {
  const { stdout } = await run("id", ["-u", "postgres"]);
  const { stdout: gid } = await run("id", ["-g", "postgres"]);
  return [Number(stdout.trim()), Number(gid.trim())];
}
