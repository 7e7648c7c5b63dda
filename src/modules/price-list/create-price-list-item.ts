import type { ServiceType } from "@campotech/database";
import type { TenantTx } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { appendAuditLog } from "../audit/append-audit-log";
import { assertIvaRate } from "./assert-iva-rate";
import { PRICE_LIST_ITEM_SELECT, type PriceListItemView } from "./price-list-item-view";

export type PriceListItemInput = {
  code: string; name: string; description?: string | null; serviceType: ServiceType; unit?: string; priceCents: number; ivaRateBps?: number; keywords?: string[];
};

export async function createPriceListItem(
  tx: TenantTx,
  actor: { organizationId: string; userId: string },
  input: PriceListItemInput,
): Promise<PriceListItemView> {
  if (input.ivaRateBps !== undefined) assertIvaRate(input.ivaRateBps);
  if (await tx.priceListItem.findFirst({ where: { code: input.code }, select: { id: true } })) {
    throw new AppError("CONFLICT", { message: "Ya hay un ítem con ese código.", fields: { code: "Ya existe." } });
  }
  const item = await tx.priceListItem.create({ data: { ...input, organizationId: actor.organizationId }, select: PRICE_LIST_ITEM_SELECT });
  await appendAuditLog(tx, {
    organizationId: actor.organizationId, actorType: "USER", actorId: actor.userId, action: "price_list.item_created", entityType: "PriceListItem", entityId: item.id,
    metadata: { code: item.code, priceCents: item.priceCents, ivaRateBps: item.ivaRateBps },
  });
  return item;
}
