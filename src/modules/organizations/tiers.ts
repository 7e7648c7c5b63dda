import { Tier } from "@campotech/database";
import { AppError } from "../../lib/errors";

// Monthly allowances per tier (admin guide). null = unlimited. INICIAL only gets wa.me links, no API messages.
export const TIER_LIMITS: Record<Tier, { monthlyMessages: number | null; monthlyAiConversations: number | null }> = {
  FREE: { monthlyMessages: 0, monthlyAiConversations: 0 },
  INICIAL: { monthlyMessages: 0, monthlyAiConversations: 0 },
  PROFESIONAL: { monthlyMessages: 1_000, monthlyAiConversations: 500 },
  EMPRESARIAL: { monthlyMessages: 5_000, monthlyAiConversations: 2_500 },
  ENTERPRISE: { monthlyMessages: null, monthlyAiConversations: null },
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
