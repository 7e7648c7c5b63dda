import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { resetDatabase } from "../../../database/testing/reset";
import { verifyAccessToken } from "../../../src/modules/auth/access-token";
import { adminDb } from "../../../src/lib/db";
import { env } from "../../../src/lib/env";
// Every CLI call here is a fresh process that loads the core through tsx (5–15 s each on a loaded 2-vCPU box): a
// deadline that fits several calls per test, not a timing assertion.
vi.setConfig({ testTimeout: 240_000, hookTimeout: 240_000 });

const bin = new URL("../bin/campotech.sh", import.meta.url).pathname;

function cli(...args: string[]) {
  const result = spawnSync(bin, args, { encoding: "utf8", env: process.env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, json: () => JSON.parse(result.stdout) };
}

beforeAll(() => resetDatabase(env.DATABASE_ADMIN_URL));
afterAll(() => resetDatabase(env.DATABASE_ADMIN_URL));

describe("campotech CLI", () => {
  let orgId: string;
  let accountId: string;

  it("creates an organization with its owner (JSON output)", () => {
    const r = cli("org", "create", "--name", "Gas Norte", "--cuit", "30-71234567-1", "--tier", "profesional", "--owner-phone", "011 15 4444-5555", "--json");
    expect(r.code, r.stderr).toBe(0);
    const out = r.json();
    expect(out.organization).toMatchObject({ name: "Gas Norte", cuit: "30712345671", tier: "PROFESIONAL" });
    expect(out.owner).toMatchObject({ phone: "+5491144445555", role: "OWNER" });
    orgId = out.organization.id;
  });

  it.each([
    [["--cuit", "30-71234567-2", "--tier", "PROFESIONAL", "--owner-phone", "1144445555"], "INVALID_CUIT", /dígito verificador/],
    [["--cuit", "20-26756539-3", "--tier", "GOLD", "--owner-phone", "1144445555"], "INVALID_TIER", /El plan "GOLD" no existe/],
    [["--cuit", "20-26756539-3", "--tier", "INICIAL", "--owner-phone", "0800 333 4444"], "INVALID_PHONE", /celular argentino/],
    [["--cuit", "30-71234567-1", "--tier", "INICIAL", "--owner-phone", "1144445555"], "CONFLICT", /Ya existe una organización con el CUIT 30-71234567-1/],
  ])("refuses bad input %j with %s", (extra, code, message) => {
    const human = cli("org", "create", "--name", "Otra", ...extra);
    expect(human.code).toBe(1);
    expect(human.stderr).toMatch(message);
    expect(human.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack traces
    const json = cli("org", "create", "--name", "Otra", ...extra, "--json");
    expect(json.json().error.code).toBe(code);
  });

  it("explains usage errors with exit code 2", () => {
    const missing = cli("org", "create", "--name", "X");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/falta --cuit/);
    expect(missing.stderr).toMatch(/Uso: campotech org create/);
    const unknown = cli("org", "create", "--nmae", "X");
    expect(unknown.code).toBe(2);
    const command = cli("frobnicate");
    expect(command.code).toBe(2);
    expect(command.stderr).toMatch(/Comando desconocido: frobnicate/);
  });

  it("adds a user, validating the role and the phone", () => {
    const ok = cli("user", "add", "--org", orgId, "--phone", "15 3333-2222", "--name", "Laura", "--role", "dispatcher", "--json");
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.json()).toMatchObject({ phone: "+5491133332222", role: "DISPATCHER" });
    expect(cli("user", "add", "--org", orgId, "--phone", "1133332299", "--name", "X", "--role", "JEFE").stderr).toMatch(/El rol "JEFE" no existe/);
    expect(cli("user", "add", "--org", orgId, "--phone", "15 3333-2222", "--name", "Dup", "--role", "VIEWER").stderr).toMatch(/Ya hay un usuario/);
  });

  it("changes a user's role, deactivates and reactivates them, and never leaves the organization without an owner", async () => {
    const user = await adminDb().user.findFirstOrThrow({ where: { organizationId: orgId, phone: "+5491133332222" } });
    expect(cli("user", "role", "--org", orgId, "--user", user.id, "--role", "viewer").stdout).toMatch(/ahora es VIEWER/);
    expect(cli("user", "deactivate", "--org", orgId, "--user", user.id).stdout).toMatch(/Usuario desactivado/);
    expect(await adminDb().user.findUniqueOrThrow({ where: { id: user.id }, select: { isActive: true, sessionVersion: true } })).toEqual({ isActive: false, sessionVersion: 2 });
    expect(cli("user", "reactivate", "--org", orgId, "--user", user.id).stdout).toMatch(/Usuario reactivado/);
    const owner = await adminDb().user.findFirstOrThrow({ where: { organizationId: orgId, role: "OWNER" } });
    const refused = cli("user", "deactivate", "--org", orgId, "--user", owner.id);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/al menos un dueño activo/);
  });

  it("connects a WhatsApp account with encrypted credentials and never prints them", async () => {
    const r = cli("whatsapp", "connect", "--org", orgId, "--provider", "meta", "--phone-number-id", "777001",
      "--display-number", "+54 11 5263-0000", "--access-token", "EAAG-cli-secret-token", "--json");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain("EAAG-cli-secret-token");
    accountId = r.json().id;
    // Verified on connect: the sandbox doesn't know this token, so the check fails and says why.
    expect(r.json().verification).toMatchObject({ ok: false, detail: expect.stringMatching(/Meta/) });
    const row = await adminDb().whatsAppBusinessAccount.findUniqueOrThrow({ where: { id: accountId } });
    expect(row.credentialsEncrypted).not.toContain("EAAG-cli-secret-token");
    const missingToken = cli("whatsapp", "connect", "--org", orgId, "--provider", "META_DIRECT", "--phone-number-id", "777002", "--display-number", "541152630001");
    expect(missingToken.code).toBe(2);
    expect(missingToken.stderr).toMatch(/falta --access-token/);
  }, 120_000); // two CLI runs and a provider round-trip (the verification on connect)

  it("says a Meta token is too short instead of calling it missing", () => {
    const short = cli("whatsapp", "connect", "--org", orgId, "--provider", "meta", "--phone-number-id", "777003", "--display-number", "541152630003", "--access-token", "EAAG-123");
    expect(short.code).toBe(1);
    expect(short.stderr).toContain("El token de acceso de Meta es demasiado corto (mínimo 10 caracteres); copiá el token completo");
    expect(short.stderr).not.toMatch(/obligatorio/);
  });

  it("suspends, resets usage and releases the number", async () => {
    await adminDb().whatsAppBusinessAccount.update({ where: { id: accountId }, data: { monthlyMessageCount: 40 } });
    expect(cli("whatsapp", "suspend", "--account", "777001", "--reason", "mora").stdout).toMatch(/SUSPENDED/);
    expect(cli("whatsapp", "reset-usage", "--account", accountId).stdout).toMatch(/Contadores reiniciados en 1 cuenta/);
    expect((await adminDb().whatsAppBusinessAccount.findUniqueOrThrow({ where: { id: accountId } })).monthlyMessageCount).toBe(0);
    const released = cli("whatsapp", "release", "--account", accountId, "--json");
    expect(released.json()).toMatchObject({ provisioningStatus: "RELEASED", phoneNumberId: null });
    expect(cli("whatsapp", "list", "--org", orgId).stdout).toMatch(/\(liberado\)/);
  });

  // issue 19 (team)
  it("invites someone to the team, refusing the owner role and a phone already in the team", async () => {
    const r = cli("user", "invite", "--org", orgId, "--phone", "11 5555-0909", "--name", "Nico", "--role", "technician", "--json");
    expect(r.code, r.stderr).toBe(0);
    expect(r.json()).toMatchObject({ phone: "+5491155550909", name: "Nico", role: "TECHNICIAN", status: "PENDING", channel: expect.stringMatching(/^(whatsapp|sms)$/) });
    expect(await adminDb().teamInvitation.count({ where: { organizationId: orgId, phone: "+5491155550909", status: "PENDING" } })).toBe(1);
    expect(cli("user", "invite", "--org", orgId, "--phone", "1155550910", "--name", "X", "--role", "OWNER").stderr).toMatch(/Elegí un rol/);
    expect(cli("user", "invite", "--org", orgId, "--phone", "15 3333-2222", "--name", "Laura", "--role", "VIEWER").stderr).toMatch(/ya es parte del equipo/);
  });

  it("prints a valid access token for a user", () => {
    const r = cli("token", "--user", "+54 9 11 4444-5555");
    expect(r.code, r.stderr).toBe(0);
    const claims = verifyAccessToken(r.stdout.trim());
    expect(claims).toMatchObject({ org: orgId, role: "OWNER" });
    expect(cli("token", "--user", "+5491100000000").stderr).toMatch(/No hay un usuario activo/);
  });
});
