import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../../../database/testing/reset";
import { adminDb, withTenant } from "../../lib/db";
import { env } from "../../lib/env";
import { appendAuditLog } from "./append-audit-log";
import { verifyAuditChain } from "./verify-audit-chain";

const A = "org-audit-a";
const B = "org-audit-b";

beforeEach(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  for (const [id, cuit] of [[A, "30712345671"], [B, "20267565393"]] as const) {
    await adminDb().organization.create({ data: { id, name: id, cuit } });
  }
  // Concurrent appends in separate transactions: the advisory lock must keep one unforked chain per organization.
  await Promise.all(
    [A, B].flatMap((org) =>
      Array.from({ length: 6 }, (_, i) =>
        withTenant(org, (tx) => appendAuditLog(tx, { organizationId: org, actorType: "SYSTEM", action: "test.append", entityType: "Thing", entityId: `t${i}`, metadata: { i, nested: { b: 2, a: 1 } } })),
      ),
    ),
  );
});

const rowAt = (org: string, seq: number) => adminDb().auditLog.findFirstOrThrow({ where: { organizationId: org, seq } });

describe("audit hash chain", () => {
  it("concurrent appends form one intact chain per organization; the owner connection appends too", async () => {
    await appendAuditLog(adminDb(), { organizationId: A, actorType: "OPERATOR", action: "test.operator", entityType: "Thing" });
    const report = await verifyAuditChain();
    expect(report.ok).toBe(true);
    expect(report.organizations.map((o) => [o.organizationId, o.rows])).toEqual([[A, 7], [B, 6]]);
    const seqs = (await adminDb().auditLog.findMany({ where: { organizationId: A }, orderBy: { seq: "asc" } })).map((r) => r.seq);
    expect(seqs).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it("names an edited row (changed with the owner connection)", async () => {
    const row = await rowAt(A, 3);
    await adminDb().auditLog.update({ where: { id: row.id }, data: { metadata: { i: 999 } } });
    const report = await verifyAuditChain({ organizationId: A });
    expect(report.ok).toBe(false);
    expect(report.organizations[0]!.firstBroken).toMatchObject({ id: row.id, position: 3, reason: "content_changed", storedHash: row.hash });
    expect(report.organizations[0]!.firstBroken!.expectedHash).not.toBe(row.hash);
  });

  it("names the row after a deleted one, and leaves other organizations intact", async () => {
    await adminDb().auditLog.delete({ where: { id: (await rowAt(B, 2)).id } });
    const next = await rowAt(B, 3);
    const report = await verifyAuditChain();
    expect(report.ok).toBe(false);
    expect(report.organizations.find((o) => o.organizationId === A)!.ok).toBe(true);
    expect(report.organizations.find((o) => o.organizationId === B)!.firstBroken).toMatchObject({ id: next.id, position: 3, reason: "previous_row_missing" });
  });
});
