export { createPriceListItem } from "./create-price-list-item";
export type { PriceListItemInput } from "./create-price-list-item";
export { listPriceListItems } from "./list-price-list-items";
export type { PriceListItemView } from "./price-list-item-view";
export { updatePriceListItem } from "./update-price-list-item";
export type { PriceListItemChanges } from "./update-price-list-item";
