#!/usr/bin/env node
// Dependency-free check (runs before `pnpm install`): can we reach Postgres and Redis at the URLs in .env?
// Prints exactly what is down and how to start it. Exit 1 when something is unreachable.
import { existsSync, readFileSync } from "node:fs";
import net from "node:net";

const envFile = process.argv[2] ?? ".env";
const fromFile = existsSync(envFile)
  ? Object.fromEntries(
      readFileSync(envFile, "utf8")
        .split("\n")
        .map((line) => /^\s*([A-Z0-9_]+)\s*=\s*(.*)\s*$/.exec(line))
        .filter(Boolean)
        .map((m) => [m[1], m[2].replace(/^["']|["']$/g, "")]),
    )
  : {};
const value = (name) => process.env[name] || fromFile[name];

function reachable(host, port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 2000 });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("timeout", () => (socket.destroy(), resolve(false)));
    socket.once("error", () => resolve(false));
  });
}

const checks = [
  {
    name: "Postgres",
    url: value("DATABASE_ADMIN_URL") ?? "postgresql://postgres@127.0.0.1:5432/campotech",
    defaultPort: 5432,
    fix: [
      "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start",
      "or: docker compose up -d postgres",
    ],
  },
  {
    name: "Redis",
    url: value("REDIS_URL") ?? "redis://127.0.0.1:6379/0",
    defaultPort: 6379,
    fix: [
      'redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no',
      "or: docker compose up -d redis",
    ],
  },
];

let down = 0;
for (const check of checks) {
  const url = new URL(check.url);
  const port = Number(url.port || check.defaultPort);
  if (await reachable(url.hostname, port)) {
    console.log(`✓ ${check.name} responde en ${url.hostname}:${port}`);
  } else {
    down++;
    console.error(`✗ ${check.name} no responde en ${url.hostname}:${port} (${check.name === "Postgres" ? "DATABASE_ADMIN_URL" : "REDIS_URL"} en .env).`);
    console.error(`  Para iniciarlo: ${check.fix.join("\n                 ")}`);
  }
}
process.exit(down ? 1 : 0);
