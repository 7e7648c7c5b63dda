import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./redis-server";

// A throwaway PgBouncer (the system's /usr/sbin/pgbouncer) in front of the local Postgres, for tests that check what
// a transaction-pooling proxy does to our connections. Test-only: production runs the provider's pooler.

export type PgBouncerDatabase = { name: string; dbname: string; poolSize?: number };
export type PgBouncer = { port: number; url(user: string, password: string, database: string): string; child: ChildProcess; stop(): Promise<void> };

export type StartPgBouncerOptions = {
  databases: PgBouncerDatabase[];
  users: string[];
  poolMode?: "transaction" | "session";
  defaultPoolSize?: number;
  upstream?: { host: string; port: number };
  binary?: string;
};

export async function startPgBouncer(options: StartPgBouncerOptions): Promise<PgBouncer> {
  const port = await freePort();
  const upstream = options.upstream ?? { host: "127.0.0.1", port: 5432 };
  const dir = mkdtempSync(join(tmpdir(), "pgbouncer-"));
  // PgBouncer refuses to run as root; it then runs as postgres, which must read the files.
  chmodSync(dir, 0o755);
  const databases = options.databases
    .map((d) => `${d.name} = host=${upstream.host} port=${upstream.port} dbname=${d.dbname}${d.poolSize ? ` pool_size=${d.poolSize}` : ""}`)
    .join("\n");
  writeFileSync(
    join(dir, "pgbouncer.ini"),
    [
      "[databases]",
      databases,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${port}`,
      "unix_socket_dir =",
      // The local Postgres trusts 127.0.0.1; the user names must still be listed in the auth file.
      "auth_type = trust",
      `auth_file = ${join(dir, "userlist.txt")}`,
      `pool_mode = ${options.poolMode ?? "transaction"}`,
      `default_pool_size = ${options.defaultPoolSize ?? 2}`,
      "max_client_conn = 500",
      "ignore_startup_parameters = extra_float_digits,options",
      "",
    ].join("\n"),
    { mode: 0o644 },
  );
  writeFileSync(join(dir, "userlist.txt"), options.users.map((u) => `"${u}" ""`).join("\n") + "\n", { mode: 0o644 });

  const binary = options.binary ?? "/usr/sbin/pgbouncer";
  const asRoot = process.getuid?.() === 0;
  // setpriv execs pgbouncer in place (no wrapper process), so the child's pid is pgbouncer's and stop() reaches it.
  const [command, args] = asRoot
    ? ["setpriv", ["--reuid=postgres", "--regid=postgres", "--init-groups", binary, join(dir, "pgbouncer.ini")]]
    : [binary, [join(dir, "pgbouncer.ini")]];
  const child = spawn(command, args as string[], { stdio: ["ignore", "pipe", "pipe"] });
  await new Promise<void>((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`pgbouncer did not start: ${output}`)), 10_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/listening on 127\.0\.0\.1:\d+/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`pgbouncer exited with ${code}: ${output}`));
    });
  });
  return {
    port,
    url: (user, password, database) => `postgresql://${user}:${password}@127.0.0.1:${port}/${database}`,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        const done = () => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once("exit", done);
        child.kill("SIGTERM"); // immediate shutdown: clients may still hold connections
      }),
  };
}
