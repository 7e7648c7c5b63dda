import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { adminDb } from "../../lib/db";
import { env } from "../../lib/env";
import { loadArcaContext } from "./arca-context";
import { getArcaTicket, RENEW_MARGIN_MS } from "./get-arca-ticket";
import { connectedOrganization, freshDatabase, sandbox } from "./invoicing-test-kit";

// The WSAA ticket is one per organization and environment, shared through Postgres by every process, renewed 10
// minutes before it expires under a lock, and kept when WSAA answers coe.alreadyAuthenticated.
const redis = new Redis(env.REDIS_URL);
const ORG = "tkt-org";
const fixture = fileURLToPath(new URL("./ticket-worker.fixture.ts", import.meta.url));
const loginCalls = async () => (await sandbox<{ method: string }[]>("GET", "/requests?service=wsaa")).length;

function worker(startAt: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn("node", ["--import", "tsx", fixture, ORG, String(startAt)], { env: process.env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (c) => (out += c));
    child.stderr.on("data", (c) => (err += c));
    child.on("exit", (code) => (code === 0 ? resolve((JSON.parse(out.trim().split("\n").at(-1)!) as { token: string }).token) : reject(new Error(`worker exited ${code}: ${err}`))));
  });
}

beforeEach(async () => {
  await freshDatabase(redis);
  await connectedOrganization({ id: ORG });
  await sandbox("DELETE", "/requests");
});
afterAll(async () => {
  await sandbox("POST", "/config", { clockOffsetMs: 0, preventiveWindowMs: 600_000 });
  await redis.quit();
});

describe("WSAA ticket", () => {
  it("two worker processes asking at the same moment share one ticket: WSAA is called once", async () => {
    const startAt = Date.now() + 2_500;
    const [a, b] = await Promise.all([worker(startAt), worker(startAt)]);
    expect(a).toBe(b);
    expect(await loginCalls()).toBe(1);
    const stored = await adminDb().arcaTicket.findFirstOrThrow({ where: { organizationId: ORG } });
    // Sealed at rest: the token is not in the row.
    expect(stored.tokenEncrypted).not.toContain(a);
    expect(stored.expirationTime.getTime() - stored.generationTime.getTime()).toBe(12 * 3600_000);
  });

  it("is reused until 10 minutes before it expires, then renewed", async () => {
    const ctx = await loadArcaContext(ORG);
    const first = await getArcaTicket(ctx, { redis, now: () => Date.now() });
    const { expirationTime } = await adminDb().arcaTicket.findFirstOrThrow({ where: { organizationId: ORG } });
    const at = (msBeforeExpiry: number) => expirationTime.getTime() - msBeforeExpiry;

    expect(await getArcaTicket(ctx, { redis, now: () => at(RENEW_MARGIN_MS + 60_000) })).toEqual(first);
    expect(await loginCalls()).toBe(1);

    // 9 minutes left: inside the margin. The sandbox's clock moves with ours; its preventive window (10 min in
    // homologación) lets a new ticket be issued.
    const now = at(RENEW_MARGIN_MS - 60_000);
    await sandbox("POST", "/config", { clockOffsetMs: now - Date.now() });
    const renewed = await getArcaTicket(ctx, { redis, now: () => now });
    expect(renewed.token).not.toBe(first.token);
    expect(await loginCalls()).toBe(2);
    const stored = await adminDb().arcaTicket.findFirstOrThrow({ where: { organizationId: ORG } });
    expect(stored.expirationTime.getTime()).toBeGreaterThan(expirationTime.getTime());
  });

  it("coe.alreadyAuthenticated keeps the stored ticket while it is valid and asks again only later", async () => {
    const ctx = await loadArcaContext(ORG);
    const first = await getArcaTicket(ctx, { redis, now: () => Date.now() });
    const { expirationTime } = await adminDb().arcaTicket.findFirstOrThrow({ where: { organizationId: ORG } });
    // Production's preventive window is 2 minutes: a renewal 9 minutes before expiry is refused.
    let now = expirationTime.getTime() - 9 * 60_000;
    await sandbox("POST", "/config", { clockOffsetMs: now - Date.now(), preventiveWindowMs: 2 * 60_000 });
    expect(await getArcaTicket(ctx, { redis, now: () => now })).toEqual(first);
    expect(await loginCalls()).toBe(2);
    const calls = await sandbox<{ response: { status: number; body: string } }[]>("GET", "/requests?service=wsaa");
    expect(calls.at(-1)!.response.body).toMatch(/coe\.alreadyAuthenticated/);
    // Right after: not asked again (renewNotBefore).
    expect(await getArcaTicket(ctx, { redis, now: () => now + 30_000 })).toEqual(first);
    expect(await loginCalls()).toBe(2);
    // Inside production's window: renewed.
    now = expirationTime.getTime() - 90_000;
    await sandbox("POST", "/config", { clockOffsetMs: now - Date.now() });
    expect((await getArcaTicket(ctx, { redis, now: () => now })).token).not.toBe(first.token);
    expect(await loginCalls()).toBe(3);
  });

  it("a certificate from another authority is refused by WSAA with a Spanish explanation", async () => {
    await adminDb().arcaTicket.deleteMany();
    const { generateKeyPairSync } = await import("node:crypto");
    const forge = (await import("node-forge")).default;
    const keys = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const cert = forge.pki.createCertificate();
    cert.publicKey = forge.pki.publicKeyFromPem(keys.publicKey.export({ type: "spki", format: "pem" }).toString());
    cert.serialNumber = "01";
    cert.validity.notBefore = new Date(Date.now() - 3600_000);
    cert.validity.notAfter = new Date(Date.now() + 86_400_000);
    const subject = [{ name: "commonName", value: "self" }, { type: "2.5.4.5", value: "CUIT 30712345671" }];
    cert.setSubject(subject);
    cert.setIssuer(subject);
    const keyPem = keys.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    cert.sign(forge.pki.privateKeyFromPem(keyPem), forge.md.sha256.create());
    const { encryptSecret } = await import("../../lib/crypto");
    await adminDb().arcaConnection.update({ where: { organizationId: ORG }, data: { certificatePem: forge.pki.certificateToPem(cert), privateKeyEncrypted: encryptSecret(keyPem) } });
    const { checkArcaConnection } = await import("./check-arca-connection");
    const check = await checkArcaConnection(ORG, { redis, now: () => Date.now() });
    expect(check.ok).toBe(false);
    expect(check.steps.find((s) => !s.ok)?.detail).toMatch(/no es de la autoridad de este ambiente.*cms\.cert\.untrusted/);
  });
});
