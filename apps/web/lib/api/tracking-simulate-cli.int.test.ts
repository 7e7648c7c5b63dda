import { spawn } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetDatabase } from "@campotech/database/testing";
import { adminDb } from "@campotech/core/lib/db";
import { env } from "@campotech/core/lib/env";
import { sharedRedis, whenRedisReady } from "@campotech/core/lib/redis";
import { readLatestPositions } from "@campotech/core/modules/tracking";
import { call } from "./api-test-kit";
import { ingestPositionsEndpoint } from "./endpoints/tracking";

// `campotech tracking simulate` plays the technician's phone against a server: here the server is the real ingest
// route handler behind a plain node:http listener, so what the CLI sends is what the app will send.
const ORG = "ts-org";
const DESTINATION = { lat: -34.609833, lng: -58.392683 };
const bin = new URL("../../../cli/bin/campotech.sh", import.meta.url).pathname;
const redis = new Redis(env.REDIS_URL);
let server: Server;
let url: string;

function cli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(bin, args, { env: process.env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  await redis.flushdb();
  await whenRedisReady(sharedRedis());
  const admin = adminDb();
  await admin.organization.create({ data: { id: ORG, name: "Gas del Sur", cuit: "30712345671", tier: "PROFESIONAL" } });
  await admin.user.create({ data: { id: `${ORG}-tech`, organizationId: ORG, phone: "+5491130000001", name: "Diego Ruiz", role: "TECHNICIAN" } });
  await admin.customer.create({ data: { id: `${ORG}-c`, organizationId: ORG, phone: "+5491155550000", name: "Ana" } });
  const job = (number: number, status: "en_camino" | "scheduled", located: boolean) => admin.job.create({
    data: {
      id: `${ORG}-j${number}`, organizationId: ORG, number, customerId: `${ORG}-c`, address: "Av. Entre Ríos 100", serviceType: "GAS", description: "Pérdida",
      status, technicianId: `${ORG}-tech`, scheduledStart: new Date(), scheduledEnd: new Date(Date.now() + 3600_000),
      ...(located ? { latitude: DESTINATION.lat, longitude: DESTINATION.lng, locationSource: "DASHBOARD" as const } : {}),
    },
  });
  await job(1, "en_camino", true);
  await job(2, "scheduled", true);
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const response = await call(ingestPositionsEndpoint, { headers: { authorization: req.headers.authorization ?? "" }, body: JSON.parse(Buffer.concat(chunks).toString()) });
      res.writeHead(response.status, { "content-type": "application/json" });
      res.end(await response.text());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.close();
  await redis.quit();
});

describe("campotech tracking simulate", () => {
  it("drives the assigned technician to the job: the last position is at the door and the ETA says arriving", async () => {
    const run = await cli("tracking", "simulate", "--org", ORG, "--job", "1", "--km", "2", "--steps", "4", "--every", "0.05", "--url", url, "--json");
    expect(run.code, run.stderr + run.stdout).toBe(0);
    const result = JSON.parse(run.stdout) as { positions: number; eta: { arriving: boolean } | null; arrival: { suggested: boolean } };
    expect(result.positions).toBe(5);
    expect(result.eta?.arriving).toBe(true);
    expect(result.arrival.suggested).toBe(true);
    expect(run.stderr).toMatch(/Diego Ruiz sale hacia el trabajo #1 a 2 km/);
    // Starts about 2 km out and the ETA falls with every position, ending inside the arrival radius.
    const etas = [...run.stderr.matchAll(/faltan (\d+) m · ETA (\d+) min/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
    expect(etas).toHaveLength(4);
    expect(etas[0]![0]).toBeGreaterThan(1_950);
    expect(etas.map(([, minutes]) => minutes)).toEqual([...etas.map(([, minutes]) => minutes)].sort((a, b) => b - a));
    expect(etas[0]![1]).toBeGreaterThan(etas[3]![1]);
    expect(run.stderr).toMatch(/faltan 0 m · ETA llegando · dentro del radio de llegada/);
    const latest = (await readLatestPositions(redis, ORG, [`${ORG}-tech`])).get(`${ORG}-tech`);
    expect(latest).toMatchObject({ jobId: `${ORG}-j1` });
    expect(latest!.lat).toBeCloseTo(DESTINATION.lat, 5);
  });

  it("refuses a job that is not en camino, one that does not exist, and bad options, in Spanish", async () => {
    const scheduled = await cli("tracking", "simulate", "--org", ORG, "--job", "2", "--url", url);
    expect(scheduled.code).toBe(1);
    expect(scheduled.stderr).toMatch(/pasalo a «en camino»/);
    const missing = await cli("tracking", "simulate", "--org", ORG, "--job", "99", "--url", url);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/No existe el trabajo #99/);
    const bad = await cli("tracking", "simulate", "--org", ORG, "--job", "1", "--every", "0", "--url", url);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--every tiene que ser un número/);
  });
});
