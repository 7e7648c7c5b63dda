import { Tier } from "@campotech/database";
import { AppError } from "../../lib/errors";

// Monthly allowances per tier (admin guide). null = unlimited. INICIAL only gets wa.me links, no API messages.
// responders (issue 19): how many people may answer in the shared inbox, i.e. ACTIVE users whose role is OWNER, ADMIN
// or DISPATCHER (technicians and viewers never count). Inviting, promoting or reactivating someone into one of those
// roles beyond the limit is refused with PLAN_REQUIRED (src/modules/users/responder-seats.ts); people already over it
// (a downgrade) keep their access until someone changes them.
export const TIER_LIMITS: Record<Tier, { monthlyMessages: number | null; monthlyAiConversations: number | null; responders: number | null }> = {
  FREE: { monthlyMessages: 0, monthlyAiConversations: 0, responders: 1 },
  INICIAL: { monthlyMessages: 0, monthlyAiConversations: 0, responders: 1 },
  PROFESIONAL: { monthlyMessages: 1_000, monthlyAiConversations: 500, responders: 2 },
  EMPRESARIAL: { monthlyMessages: 5_000, monthlyAiConversations: 2_500, responders: 10 },
  ENTERPRISE: { monthlyMessages: null, monthlyAiConversations: null, responders: null },
};

// issue 20 (retention): days a message's body and media are kept (Ley 25.326: no longer than needed). 90 by default;
// the larger plans keep a longer history for their warranty and claims work. src/modules/retention applies it daily.
export const DEFAULT_MESSAGE_RETENTION_DAYS = 90;
export const MESSAGE_RETENTION_DAYS: Record<Tier, number> = {
  FREE: DEFAULT_MESSAGE_RETENTION_DAYS,
  INICIAL: DEFAULT_MESSAGE_RETENTION_DAYS,
  PROFESIONAL: DEFAULT_MESSAGE_RETENTION_DAYS,
  EMPRESARIAL: 365,
  ENTERPRISE: 730,
};

export function parseTier(input: string): Tier {
  const tier = input.trim().toUpperCase();
  if (!(tier in Tier)) {
    throw new AppError("INVALID_TIER", {
      message: `El plan "${input}" no existe. Planes: ${Object.keys(Tier).join(", ")}.`,
    });
  }
  return tier as Tier;
}
