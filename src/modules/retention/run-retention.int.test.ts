import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../../../database/testing/reset";
import { adminDb, withTenant, withTenantSql } from "../../lib/db";
import { env } from "../../lib/env";
import { verifyAuditChain } from "../audit/verify-audit-chain";
import { listConversations } from "../conversations/list-conversations";
import { ensureConversation } from "../inbound/ensure-conversation";
import { createLocalMediaStorage } from "../media/local-media-storage";
import { ago, EMP, NOW, PRO, seedRetentionDataset } from "./retention-test-kit";
import { runRetention } from "./run-retention";

let dir: string;
let storage: ReturnType<typeof createLocalMediaStorage>;
const admin = () => adminDb();
const run = (extra: { dryRun?: boolean; batchSize?: number; organizationId?: string } = {}) => runRetention({ now: NOW, storage, ...extra });

// Everything a run could change, to prove a dry run changes none of it.
async function snapshot() {
  return {
    messages: await admin().whatsAppMessage.findMany({ orderBy: { id: "asc" }, select: { id: true, content: true, mediaStorageKey: true, purgedAt: true } }),
    conversations: await admin().whatsAppConversation.findMany({ orderBy: { id: "asc" }, select: { id: true, deletedAt: true } }),
    statusEvents: await admin().whatsAppStatusEvent.count(),
    runs: await admin().assistantRun.findMany({ orderBy: { id: "asc" }, select: { id: true, reply: true, toolCalls: true } }),
    positions: await admin().technicianPosition.count(),
    unrouted: await admin().unroutedWebhookNumber.count(),
    audit: await admin().auditLog.count(),
    m91File: await storage.get(`${PRO}/m91.jpg`),
  };
}

beforeEach(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  dir = await mkdtemp(join(tmpdir(), "ret-media-"));
  storage = createLocalMediaStorage(dir);
  await seedRetentionDataset(storage);
});
afterAll(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  await rm(dir, { recursive: true, force: true });
});

const EXPECTED_PRO = { messages: 1, mediaFiles: 1, conversations: 1, statusEvents: 1, parkedStatuses: 0, assistantRuns: 1, positions: 1 };
const EXPECTED_EMP = { messages: 1, mediaFiles: 0, conversations: 0, statusEvents: 0, parkedStatuses: 0, assistantRuns: 0, positions: 0 };

describe("runRetention", () => {
  it("a dry run reports what is due per organization and changes nothing", async () => {
    const before = await snapshot();
    const report = await run({ dryRun: true });
    expect(report.dryRun).toBe(true);
    expect(report.organizations.find((o) => o.organizationId === PRO)).toMatchObject({ messageDays: 90, counts: EXPECTED_PRO });
    expect(report.organizations.find((o) => o.organizationId === EMP)).toMatchObject({ messageDays: 365, counts: EXPECTED_EMP });
    expect(report.platform.unroutedNumbers).toBe(1);
    expect(await snapshot()).toEqual(before);
  });

  it("removes exactly what is due, in batches, reports the same counts as the dry run, and is idempotent", async () => {
    const dry = await run({ dryRun: true });
    const report = await run({ batchSize: 1 });
    expect(report.organizations.map((o) => o.counts)).toEqual(dry.organizations.map((o) => o.counts));
    expect(report.platform).toEqual(dry.platform);

    const messages = await admin().whatsAppMessage.findMany({ orderBy: { id: "asc" }, select: { id: true, content: true, mediaStorageKey: true, purgedAt: true } });
    const byId = Object.fromEntries(messages.map((m) => [m.id, m]));
    expect(byId["ret-m91"]).toMatchObject({ content: { purged: true, preview: "[Mensaje eliminado por antigüedad]" }, mediaStorageKey: null, purgedAt: NOW });
    expect(byId["ret-m89"]).toMatchObject({ content: { caption: "foto ret-m89" }, mediaStorageKey: `${PRO}/m89.jpg`, purgedAt: null });
    // EMPRESARIAL keeps 365 days: 91 days stays, 366 goes.
    expect(byId["ret-e-m91"]!.purgedAt).toBeNull();
    expect(byId["ret-e-m366"]!.purgedAt).toEqual(NOW);
    expect(await storage.get(`${PRO}/m91.jpg`)).toBeNull();
    expect(await storage.get(`${PRO}/m89.jpg`)).toEqual(new Uint8Array([1, 2, 3]));

    const deleted = await admin().whatsAppConversation.findMany({ where: { deletedAt: { not: null } }, select: { id: true } });
    expect(deleted.map((c) => c.id)).toEqual(["ret-conv-366"]);
    expect((await admin().whatsAppStatusEvent.findMany({ select: { id: true } })).map((e) => e.id)).toEqual(["ret-se29"]);
    const runs = await admin().assistantRun.findMany({ orderBy: { id: "asc" }, select: { id: true, reply: true, toolCalls: true } });
    expect(runs).toEqual([
      { id: "ret-run29", reply: "Te paso el presupuesto", toolCalls: [{ tool: "price" }] },
      { id: "ret-run31", reply: null, toolCalls: [] },
    ]);
    expect((await admin().technicianPosition.findMany({ select: { id: true } })).map((p) => p.id)).toEqual(["ret-p29"]);
    expect((await admin().unroutedWebhookNumber.findMany({ select: { id: true } })).map((u) => u.id)).toEqual(["ret-un29"]);

    // Invoices (10 years) and the audit log (never) are untouched even at 11 years.
    expect(await admin().invoice.findUniqueOrThrow({ where: { id: "ret-inv-old" }, select: { cae: true, receiverName: true, totalCents: true } }))
      .toEqual({ cae: "61234567890123", receiverName: "Cliente ret-c-366", totalCents: 12_100 });
    expect(await admin().auditLog.findUnique({ where: { id: "ret-audit-old" } })).not.toBeNull();
    const entry = await admin().auditLog.findFirstOrThrow({ where: { organizationId: PRO, action: "retention.purged" } });
    expect(entry).toMatchObject({ actorType: "SYSTEM", metadata: expect.objectContaining({ ...EXPECTED_PRO, messageDays: 90 }) });
    expect((await verifyAuditChain()).ok).toBe(true);

    const again = await run();
    expect(again.totals).toEqual({ messages: 0, mediaFiles: 0, conversations: 0, statusEvents: 0, parkedStatuses: 0, assistantRuns: 0, positions: 0 });
    expect(await admin().auditLog.count({ where: { action: "retention.purged" } })).toBe(2);
  });

  it("--org limits the run to one organization and leaves platform rows alone", async () => {
    const report = await run({ organizationId: EMP });
    expect(report.organizations.map((o) => o.organizationId)).toEqual([EMP]);
    expect(report.platform.unroutedNumbers).toBe(0);
    expect(await admin().whatsAppMessage.count({ where: { organizationId: PRO, purgedAt: { not: null } } })).toBe(0);
    expect(await admin().unroutedWebhookNumber.count()).toBe(2);
  });

  it("the inbox ignores a soft-deleted conversation until the customer writes again", async () => {
    await run();
    const viewer = { userId: "ret-owner", role: "OWNER" as const };
    const ids = async () => (await withTenantSql(PRO, (tx) => listConversations(tx, viewer, {}, NOW))).items.map((c) => c.id).sort();
    expect(await ids()).toEqual(["ret-conv-364", "ret-conv-active"]);
    await withTenant(PRO, (tx) => ensureConversation(tx, PRO, "ret-c-366", ""));
    expect(await ids()).toEqual(["ret-conv-364", "ret-conv-366", "ret-conv-active"]);
    expect(ago(0)).toEqual(NOW);
  });
});
