import { createHash } from "node:crypto";

// The prevHash of an organization's first chained row.
export const GENESIS_HASH = "0".repeat(64);

export type HashedAuditContent = {
  organizationId: string;
  seq: number;
  actorType: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  metadata: unknown;
  createdAt: Date;
};

// JSON with object keys sorted at every level: Postgres jsonb does not keep key order, so the hash must not
// depend on it.
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

export function auditRowHash(prevHash: string, row: HashedAuditContent): string {
  // Only the listed fields: callers may pass a whole stored row (id, hash, …), which must not change the hash.
  const { organizationId, seq, actorType, actorId, action, entityType, entityId, metadata, createdAt } = row;
  const content = canonicalJson({ organizationId, seq, actorType, actorId, action, entityType, entityId, metadata, createdAt: createdAt.toISOString() });
  return createHash("sha256").update(prevHash).update(content).digest("hex");
}
