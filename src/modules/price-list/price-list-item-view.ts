import type { Prisma } from "@campotech/database";

export const PRICE_LIST_ITEM_SELECT = {
  id: true, code: true, name: true, description: true, serviceType: true, unit: true, priceCents: true, ivaRateBps: true, keywords: true, active: true,
  createdAt: true, updatedAt: true,
} satisfies Prisma.PriceListItemSelect;

export type PriceListItemView = Prisma.PriceListItemGetPayload<{ select: typeof PRICE_LIST_ITEM_SELECT }>;
