import type { Tier, TenantTx } from "@campotech/database";
import { AppError } from "../../lib/errors";
import { TIER_LIMITS } from "../organizations/tiers";

// Counts a message against the tier's monthly allowance, atomically (two senders can't both take the last one).
// Counted once, when the message is accepted for sending — retries and replays don't count again.
export async function reserveMonthlyMessage(
  tx: Pick<TenantTx, "$queryRaw">,
  input: { accountId: string; tier: Tier },
): Promise<{ used: number; limit: number | null; crossedAlertThreshold: boolean }> {
  const limit = TIER_LIMITS[input.tier].monthlyMessages;
  if (limit === 0) {
    throw new AppError("LIMIT_REACHED", {
      message: "Tu plan no incluye mensajes de WhatsApp automáticos: pasá a Profesional para enviarlos desde CampoTech.",
    });
  }
  const rows = await tx.$queryRaw<{ used: number }[]>`
    UPDATE "WhatsAppBusinessAccount" SET "monthlyMessageCount" = "monthlyMessageCount" + 1
     WHERE "id" = ${input.accountId} AND (${limit}::int IS NULL OR "monthlyMessageCount" < ${limit}::int)
     RETURNING "monthlyMessageCount" AS used`;
  const used = rows[0]?.used;
  if (used === undefined) throw new AppError("LIMIT_REACHED");
  const threshold = limit === null ? null : Math.ceil(limit * 0.8);
  return { used, limit, crossedAlertThreshold: threshold !== null && used === threshold };
}
