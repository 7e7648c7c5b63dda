import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { resetDatabase } from "../../../database/testing/reset";
import { adminDb } from "../../../src/lib/db";
import { env } from "../../../src/lib/env";
import { verifyAuditChain } from "../../../src/modules/audit/verify-audit-chain";
// Every CLI call here is a fresh process that loads the core through tsx (5–15 s each on a loaded 2-vCPU box): a
// deadline that fits several calls per test, not a timing assertion.
vi.setConfig({ testTimeout: 240_000, hookTimeout: 240_000 });

// campotech retention run / customer export / customer erase through the real binary (issue 20).
const bin = new URL("../bin/campotech.sh", import.meta.url).pathname;
function cli(...args: string[]) {
  const result = spawnSync(bin, args, { encoding: "utf8", env: process.env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, json: () => JSON.parse(result.stdout) };
}

const DAY = 86_400_000;
const ORG = "rc-org";
let dir: string;
beforeAll(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  dir = await mkdtemp(join(tmpdir(), "rc-cli-"));
  const admin = adminDb();
  await admin.organization.create({ data: { id: ORG, name: "Gas Norte", cuit: "30712345671", tier: "PROFESIONAL" } });
  await admin.customer.create({ data: { id: "rc-cus", organizationId: ORG, phone: "+5491155550101", name: "Lucía Fernández", email: "lucia@example.com" } });
  await admin.whatsAppConversation.create({ data: { id: "rc-conv", organizationId: ORG, customerId: "rc-cus", lastMessageAt: new Date() } });
  for (const [id, days] of [["rc-old", 100], ["rc-new", 10]] as const) {
    await admin.whatsAppMessage.create({ data: { id, organizationId: ORG, conversationId: "rc-conv", direction: "INBOUND", type: "TEXT", content: { body: `hola ${id}` }, status: "RECEIVED", createdAt: new Date(Date.now() - days * DAY) } });
  }
});
afterAll(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  await rm(dir, { recursive: true, force: true });
});

describe("campotech retention run", () => {
  it("--dry-run reports what is due and changes nothing; the real run removes it and says so", async () => {
    const dry = cli("retention", "run", "--dry-run", "--org", ORG, "--json");
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.json()).toMatchObject({ dryRun: true, organizations: [{ organizationId: ORG, counts: { messages: 1 } }] });
    expect(await adminDb().whatsAppMessage.count({ where: { purgedAt: { not: null } } })).toBe(0);

    const real = cli("retention", "run", "--org", ORG);
    expect(real.code, real.stderr).toBe(0);
    expect(real.stdout).toMatch(/Gas Norte \(rc-org, mensajes 90 días\): 1 mensajes \(texto y adjuntos\)/);
    expect((await adminDb().whatsAppMessage.findMany({ where: { purgedAt: { not: null } }, select: { id: true } })).map((m) => m.id)).toEqual(["rc-old"]);
    expect(await adminDb().auditLog.findFirst({ where: { action: "retention.purged" }, select: { metadata: true } })).toMatchObject({ metadata: { trigger: "cli", messages: 1 } });
  });
});

describe("campotech customer export / erase", () => {
  it("exports to a JSON file and a printable HTML page, audited as OPERATOR", async () => {
    const out = join(dir, "lucia.json");
    const r = cli("customer", "export", "--org", ORG, "--customer", "rc-cus", "--out", out);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(await readFile(out, "utf8")).customer.email).toBe("lucia@example.com");
    expect(await readFile(join(dir, "lucia.html"), "utf8")).toContain("Datos personales de Lucía Fernández");
    expect(await adminDb().auditLog.count({ where: { action: "customer.data_exported", actorType: "OPERATOR" } })).toBe(1);
  });

  it("erase needs --yes (exit 2), then anonymises once; the audit chain still verifies", async () => {
    const refused = cli("customer", "erase", "--org", ORG, "--customer", "rc-cus");
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("confirmalo con --yes");
    const done = cli("customer", "erase", "--org", ORG, "--customer", "rc-cus", "--yes", "--json");
    expect(done.code, done.stderr).toBe(0);
    expect(done.json()).toMatchObject({ alreadyErased: false, removed: { messages: 1 } });
    expect((await adminDb().customer.findUniqueOrThrow({ where: { id: "rc-cus" } })).name).toBe("Cliente eliminado");
    expect(cli("customer", "erase", "--org", ORG, "--customer", "rc-cus", "--yes").stdout).toContain("ya estaban eliminados");
    expect(await adminDb().auditLog.count({ where: { action: "customer.data_erased", actorType: "OPERATOR" } })).toBe(1);
    expect((await verifyAuditChain({ organizationId: ORG })).ok).toBe(true);
  });

  it("an unknown customer is a clear Spanish error (exit 1)", () => {
    const r = cli("customer", "erase", "--org", ORG, "--customer", "nadie", "--yes");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("No encontramos ese cliente.");
  });
});
