export { assertCustomerErasable } from "./assert-customer-erasable";
export { ERASED_CUSTOMER_NAME, eraseCustomerData } from "./erase-customer-data";
export type { EraseCustomerResult } from "./erase-customer-data";
export { exportCustomerData } from "./export-customer-data";
export type { CustomerDataExport } from "./export-customer-data";
export type { PrivacyActor } from "./privacy-actor";
export { renderCustomerExportHtml } from "./render-customer-export-html";
