export { customerPhoneFromWaId, matchCustomer } from "./match-customer";
export type { CustomerIdentity, MatchedCustomer } from "./match-customer";
export { CUSTOMER_SELECT, CUSTOMER_WHERE } from "./customer-view";
export type { CustomerView } from "./customer-view";
export { listCustomers } from "./list-customers";
export type { ListCustomersInput } from "./list-customers";
export { getCustomerOrThrow } from "./get-customer-or-throw";
export { updateCustomer } from "./update-customer";
export type { CustomerChanges } from "./update-customer";
