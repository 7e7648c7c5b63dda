import type { Database } from "@campotech/database";
import { adminDb } from "../../lib/db";
import { auditRowHash, GENESIS_HASH } from "./audit-hash";

export type BrokenAuditRow = {
  id: string;
  position: number;
  reason: "content_changed" | "previous_row_missing" | "unchained_row";
  expectedHash: string;
  storedHash: string | null;
};

export type AuditChainReport = {
  organizationId: string;
  rows: number;
  // Rows written before the chain existed (no seq); they precede the chain and are not covered by it.
  legacyRows: number;
  ok: boolean;
  firstBroken: BrokenAuditRow | null;
};

const PAGE = 2_000;

// Walks each organization's chain in seq order, recomputing every hash from the previous row's. An edited row
// fails its own hash; a deleted row breaks the link of the row after it (seq gap, prevHash mismatch). Deleting
// the newest rows leaves no trace in the chain itself: compare `rows` with an exported checkpoint for that.
// Runs on the owner connection (an operator tool that spans organizations).
export async function verifyAuditChain(
  input: { organizationId?: string } = {},
  database: Database = adminDb(),
): Promise<{ ok: boolean; organizations: AuditChainReport[] }> {
  const ids = input.organizationId
    ? [input.organizationId]
    : (await database.organization.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((o) => o.id);
  const organizations: AuditChainReport[] = [];
  for (const organizationId of ids) organizations.push(await verifyOrganization(database, organizationId));
  return { ok: organizations.every((o) => o.ok), organizations };
}

async function verifyOrganization(database: Database, organizationId: string): Promise<AuditChainReport> {
  const legacyRows = await database.auditLog.count({ where: { organizationId, seq: null } });
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let rows = 0;
  for (;;) {
    const page = await database.auditLog.findMany({
      where: { organizationId, seq: { gte: expectedSeq } },
      orderBy: { seq: "asc" },
      take: PAGE,
    });
    for (const row of page) {
      rows++;
      const seq = row.seq!;
      const expectedHash = auditRowHash(prevHash, { ...row, seq });
      const broken = (reason: BrokenAuditRow["reason"]): AuditChainReport => ({
        organizationId, rows, legacyRows, ok: false, firstBroken: { id: row.id, position: seq, reason, expectedHash, storedHash: row.hash },
      });
      if (!row.hash || !row.prevHash) return broken("unchained_row");
      if (seq !== expectedSeq || row.prevHash !== prevHash) return broken("previous_row_missing");
      if (row.hash !== expectedHash) return broken("content_changed");
      prevHash = row.hash;
      expectedSeq = seq + 1;
    }
    if (page.length < PAGE) break;
  }
  return { organizationId, rows, legacyRows, ok: true, firstBroken: null };
}
