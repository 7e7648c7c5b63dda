import type { TemplateCategory, TemplateStatus } from "@campotech/database";
import type { TenantTx } from "../../lib/db";
import { TEMPLATE_VIEW_SELECT, toTemplateView, type TemplateView } from "./template-view";

export type ListTemplatesFilter = { status?: TemplateStatus; category?: TemplateCategory; search?: string };

// The organization's template registry. No paging: a field-service business has a few dozen templates.
export async function listTemplates(tx: TenantTx, filter: ListTemplatesFilter = {}): Promise<TemplateView[]> {
  const rows = await tx.waTemplate.findMany({
    where: {
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.category ? { category: filter.category } : {}),
      ...(filter.search ? { name: { contains: filter.search.trim().toLowerCase() } } : {}),
    },
    orderBy: [{ name: "asc" }, { language: "asc" }],
    select: TEMPLATE_VIEW_SELECT,
  });
  return rows.map(toTemplateView);
}
