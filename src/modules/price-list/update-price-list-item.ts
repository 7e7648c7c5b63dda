import type { TenantTx } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { appendAuditLog } from "../audit/append-audit-log";
import { assertIvaRate } from "./assert-iva-rate";
import type { PriceListItemInput } from "./create-price-list-item";
import { PRICE_LIST_ITEM_SELECT, type PriceListItemView } from "./price-list-item-view";

export type PriceListItemChanges = Partial<Omit<PriceListItemInput, "code">> & { active?: boolean };

// Lines already on jobs keep the price they were given: changing the list never rewrites past jobs.
export async function updatePriceListItem(
  tx: TenantTx,
  actor: { organizationId: string; userId: string },
  id: string,
  changes: PriceListItemChanges,
): Promise<PriceListItemView> {
  if (changes.ivaRateBps !== undefined) assertIvaRate(changes.ivaRateBps);
  const before = await tx.priceListItem.findFirst({ where: { id }, select: { id: true } });
  if (!before) throw new AppError("NOT_FOUND", { message: "No encontramos ese ítem de la lista de precios." });
  const item = await tx.priceListItem.update({ where: { id }, data: changes, select: PRICE_LIST_ITEM_SELECT });
  await appendAuditLog(tx, {
    organizationId: actor.organizationId, actorType: "USER", actorId: actor.userId, action: "price_list.item_updated", entityType: "PriceListItem", entityId: id,
    metadata: { fields: Object.keys(changes), priceCents: item.priceCents, ivaRateBps: item.ivaRateBps },
  });
  return item;
}
