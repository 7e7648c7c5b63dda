export { createPreference, getPayment, getSellerAccount, refundPayment, searchPayments } from "./mercadopago-api";
export type { MpPayment, PreferenceInput } from "./mercadopago-api";
export { MercadoPagoError, toMercadoPagoError } from "./mercadopago-error";
export { authorizationUrl, exchangeAuthorizationCode, newPkce, refreshAccessToken } from "./oauth";
export type { MpTokens } from "./oauth";
export { verifyMercadoPagoSignature } from "./verify-signature";
export type { SignatureCheck } from "./verify-signature";
