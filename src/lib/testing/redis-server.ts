import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";

// Throwaway redis-server processes for tests that kill, restart or reconfigure Redis (outages, persistence, TLS,
// cluster): never the shared server other tests use.

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export type RedisServer = { port: number; url: string; child: ChildProcess; stop(signal?: NodeJS.Signals): Promise<void> };

/** Starts redis-server on `port` (a free one by default) with `args` (e.g. ["--appendonly", "yes"]). */
export async function startRedisServer(options: { port?: number; args?: string[]; cwd?: string } = {}): Promise<RedisServer> {
  const port = options.port ?? (await freePort());
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", ...(options.args ?? ["--save", "", "--appendonly", "no"])], {
    stdio: ["ignore", "pipe", "pipe"],
    ...(options.cwd ? { cwd: options.cwd } : {}),
  });
  await new Promise<void>((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`redis-server did not start: ${output}`)), 10_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Ready to accept connections")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with ${code}: ${output}`));
    });
  });
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    child,
    stop: (signal: NodeJS.Signals = "SIGKILL") =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill(signal);
      }),
  };
}
