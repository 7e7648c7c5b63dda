import type { TenantTx } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { LEAD_SELECT, toLeadView, type LeadView } from "./lead-view";

// Another organization's lead is hidden by RLS and answers the same 404 as a wrong id.
export async function getLeadOrThrow(tx: TenantTx, id: string): Promise<LeadView> {
  const row = await tx.lead.findFirst({ where: { id }, select: LEAD_SELECT });
  if (!row) throw new AppError("NOT_FOUND", { message: "No encontramos ese pedido." });
  return toLeadView(row);
}
