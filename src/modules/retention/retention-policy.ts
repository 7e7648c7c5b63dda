import type { Tier } from "@campotech/database";
import { effectiveTier } from "../organizations/effective-tier";
import { MESSAGE_RETENTION_DAYS } from "../organizations/tiers";

const DAY_MS = 86_400_000;

// Ley 25.326 (art. 4.7): personal data is kept no longer than the purpose needs. docs/operations.md
// ("Retention and privacy") has the full table and the reasons; the audit log and invoices are never purged.
export const CONVERSATION_INACTIVITY_DAYS = 365;
export const LOG_RETENTION_DAYS = 30;
// Rows changed per transaction: a large organization is worked through in many short transactions.
export const RETENTION_BATCH_SIZE = 500;

export type RetentionCutoffs = { messagesBefore: Date; conversationsInactiveBefore: Date; logsBefore: Date; messageDays: number };

export function retentionCutoffs(organization: { tier: Tier; trialEndsAt?: Date | null }, now: Date): RetentionCutoffs {
  const messageDays = MESSAGE_RETENTION_DAYS[effectiveTier(organization, now)];
  return {
    messageDays,
    messagesBefore: new Date(now.getTime() - messageDays * DAY_MS),
    conversationsInactiveBefore: new Date(now.getTime() - CONVERSATION_INACTIVITY_DAYS * DAY_MS),
    logsBefore: new Date(now.getTime() - LOG_RETENTION_DAYS * DAY_MS),
  };
}
