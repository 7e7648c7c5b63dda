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
  const existing = await tx.priceListItem.findFirst({ where: { code: input.code }, select: PRICE_LIST_ITEM_SELECT });
  if (existing) {
    // The same form sent twice (a double click, a retried request) gets the item back; a different item under a
    // taken code is a conflict: codes identify items on jobs, so they are never reused.
    if (sameItem(existing, input)) return existing;
    throw new AppError("CONFLICT", { message: "Ya hay un ítem con ese código.", fields: { code: "Ya existe." } });
  }
  const item = await tx.priceListItem.create({ data: { ...input, organizationId: actor.organizationId }, select: PRICE_LIST_ITEM_SELECT });
  await appendAuditLog(tx, {
    organizationId: actor.organizationId, actorType: "USER", actorId: actor.userId, action: "price_list.item_created", entityType: "PriceListItem", entityId: item.id,
    metadata: { code: item.code, priceCents: item.priceCents, ivaRateBps: item.ivaRateBps },
  });
  return item;
}

function sameItem(item: PriceListItemView, input: PriceListItemInput): boolean {
  return item.name === input.name && item.serviceType === input.serviceType && item.priceCents === input.priceCents
    && (input.description ?? null) === item.description && (input.unit ?? "servicio") === item.unit && (input.ivaRateBps ?? 2100) === item.ivaRateBps
    && (input.keywords ?? []).join("\n") === item.keywords.join("\n");
}
