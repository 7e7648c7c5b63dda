import type { ServiceType } from "@campotech/database";
import type { TenantTx } from "../../lib/db";
import { PRICE_LIST_ITEM_SELECT, type PriceListItemView } from "./price-list-item-view";

export async function listPriceListItems(
  tx: TenantTx,
  filter: { serviceType?: ServiceType; includeInactive?: boolean; q?: string },
): Promise<{ items: PriceListItemView[] }> {
  // q matches code, name or a keyword, ignoring case ("cald" finds "Service de caldera" and "CALD-01").
  const q = filter.q?.trim();
  const items = await tx.priceListItem.findMany({
    where: {
      ...(filter.serviceType ? { serviceType: filter.serviceType } : {}),
      ...(filter.includeInactive ? {} : { active: true }),
      ...(q ? { OR: [{ code: { contains: q, mode: "insensitive" } }, { name: { contains: q, mode: "insensitive" } }, { keywords: { has: q.toLowerCase() } }] } : {}),
    },
    orderBy: [{ serviceType: "asc" }, { code: "asc" }],
    select: PRICE_LIST_ITEM_SELECT,
  });
  return { items };
}
