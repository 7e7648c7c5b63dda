import type { TenantTx } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { TEMPLATE_VIEW_SELECT, toTemplateView, type TemplateView } from "./template-view";

// RLS hides other organizations' rows, so their ids answer NOT_FOUND like ids that never existed.
export async function getTemplate(tx: TenantTx, id: string): Promise<TemplateView> {
  const row = await tx.waTemplate.findUnique({ where: { id }, select: TEMPLATE_VIEW_SELECT });
  if (!row) throw new AppError("NOT_FOUND", { message: "No encontramos esa plantilla." });
  return toTemplateView(row);
}
