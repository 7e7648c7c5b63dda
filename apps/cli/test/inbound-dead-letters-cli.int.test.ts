import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { resetDatabase } from "../../../database/testing/reset";
import { adminDb } from "../../../src/lib/db";
import { env } from "../../../src/lib/env";
import { seedOrganization } from "../../../src/modules/inbound/inbound-test-kit";
// Every CLI call here is a fresh process that loads the core through tsx (5–15 s each on a loaded 2-vCPU box): a
// deadline that fits several calls per test, not a timing assertion.
vi.setConfig({ testTimeout: 240_000, hookTimeout: 240_000 });

const bin = new URL("../bin/campotech.sh", import.meta.url).pathname;
const cli = (...args: string[]) => {
  const r = spawnSync(bin, args, { encoding: "utf8", env: process.env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, json: () => JSON.parse(r.stdout) };
};
const ORG = "org-dlcli";
let letterId: string;

beforeAll(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  const accounts = await seedOrganization(ORG);
  // A message item as the webhook job dead-letters it (its cause since fixed).
  const letter = await adminDb().inboundDeadLetter.create({
    data: {
      organizationId: ORG, provider: "META_DIRECT", accountId: accounts.meta, kind: "message", itemKey: "wamid.cli-dl", deliveryId: "d".repeat(64),
      receivedAt: new Date("2026-11-20T12:00:05Z"), error: "PrismaClientKnownRequestError: violates check constraint", attempts: 10,
      item: { kind: "message", contacts: [{ waId: "5491155550123", profileName: "Martina" }], message: { id: "wamid.cli-dl", from: { waId: "5491155550123" }, timestamp: "2026-11-20T12:00:00.000Z", type: "text", content: { body: "Hola" } } },
    },
  });
  letterId = letter.id;
});
afterAll(() => resetDatabase(env.DATABASE_ADMIN_URL));

describe("campotech webhooks dead-letters / replay", () => {
  // Each spawn starts the CLI (tsx): a few seconds on a shared machine.
  it("lists open inbound dead letters (all organizations or one)", { timeout: 180_000 }, () => {
    const all = cli("webhooks", "dead-letters", "--json");
    expect(all.code, all.stderr).toBe(0);
    expect(all.json()).toMatchObject([{ id: letterId, organizationId: ORG, kind: "message", itemKey: "wamid.cli-dl", attempts: 10 }]);
    expect(cli("webhooks", "dead-letters", "--org", "other-org", "--json").json()).toEqual([]);
  });

  it("replays once: the message is stored, the row closed, a second replay finds nothing", { timeout: 180_000 }, async () => {
    expect(cli("webhooks", "replay").code).toBe(2);
    const r = cli("webhooks", "replay", "--id", letterId, "--json");
    expect(r.code, r.stderr).toBe(0);
    expect(r.json()).toEqual({ replayed: [letterId], failed: [] });
    const again = cli("webhooks", "replay", "--id", letterId);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/no está en la lista de fallidos/);
    const stored = await adminDb().whatsAppMessage.findMany({ where: { waMessageId: "wamid.cli-dl" } });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ organizationId: ORG, content: { body: "Hola" }, providerTimestamp: new Date("2026-11-20T12:00:00Z") });
    expect(await adminDb().inboundDeadLetter.count({ where: { replayedAt: null } })).toBe(0);
  });
});
