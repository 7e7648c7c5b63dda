import type { ServiceType } from "@campotech/database";
import type { TenantTx } from "../../lib/db";
import { PRICE_LIST_ITEM_SELECT, type PriceListItemView } from "./price-list-item-view";

export async function listPriceListItems(
  tx: TenantTx,
  filter: { serviceType?: ServiceType; includeInactive?: boolean },
): Promise<{ items: PriceListItemView[] }> {
  const items = await tx.priceListItem.findMany({
    where: { ...(filter.serviceType ? { serviceType: filter.serviceType } : {}), ...(filter.includeInactive ? {} : { active: true }) },
    orderBy: [{ serviceType: "asc" }, { code: "asc" }],
    select: PRICE_LIST_ITEM_SELECT,
  });
  return { items };
}
