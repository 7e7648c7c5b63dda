import type { TenantTx } from "../../lib/db";
import { ACCOUNT_VERIFIED_ACTION } from "./verify-whatsapp-account";

export type VerificationState =
  | { state: "verified"; at: Date }
  | { state: "failed"; at: Date; reason: string }
  | { state: "never" };

// Actions after which an earlier check says nothing about the number any more.
const RESETTING = ["whatsapp.account_connected", "whatsapp.credentials_updated"];

// What the settings screen shows next to "Activo": the outcome of the latest check of the current credentials.
// A check from before the credentials last changed doesn't count (they were other credentials). Numbers created
// without an audit trail (seeds, imports) fall back to lastHealthCheckAt.
export async function verificationStates(
  tx: TenantTx,
  accounts: { id: string; lastHealthCheckAt: Date | null }[],
): Promise<Map<string, VerificationState>> {
  const rows = await tx.auditLog.findMany({
    where: { entityType: "WhatsAppBusinessAccount", entityId: { in: accounts.map((a) => a.id) }, action: { in: [ACCOUNT_VERIFIED_ACTION, ...RESETTING] } },
    orderBy: { seq: "desc" },
    select: { entityId: true, action: true, metadata: true, createdAt: true },
  });
  const states = new Map<string, VerificationState>();
  for (const account of accounts) {
    const latest = rows.find((r) => r.entityId === account.id);
    if (latest?.action === ACCOUNT_VERIFIED_ACTION) {
      const m = (latest.metadata ?? {}) as { ok?: boolean; detail?: string };
      states.set(account.id, m.ok
        ? { state: "verified", at: account.lastHealthCheckAt ?? latest.createdAt }
        : { state: "failed", at: latest.createdAt, reason: m.detail ?? "El proveedor no respondió bien." });
    } else if (!latest && account.lastHealthCheckAt) {
      states.set(account.id, { state: "verified", at: account.lastHealthCheckAt });
    } else {
      states.set(account.id, { state: "never" });
    }
  }
  return states;
}
