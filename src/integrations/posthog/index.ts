export { captureProductEvent, flushProductEvents } from "./capture-product-event";
export type { ProductEvent, ProductEventName, ProductEventProperties } from "./capture-product-event";
