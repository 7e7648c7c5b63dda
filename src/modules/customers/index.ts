export { customerPhoneFromWaId, matchCustomer } from "./match-customer";
export type { CustomerIdentity, MatchedCustomer } from "./match-customer";
