export { connectWhatsAppAccount, parseProvider } from "./connect-whatsapp-account";
export type { ConnectWhatsAppAccountInput } from "./connect-whatsapp-account";
export { credentialSchemas, maskSecret, parseCredentials } from "./credentials";
export type { ProviderCredentials } from "./credentials";
export { findAccountOrThrow } from "./find-account";
export { releaseWhatsAppNumber } from "./release-whatsapp-number";
export { resetUsageCounters } from "./reset-usage-counters";
export { rotateCredentialsKey } from "./rotate-credentials-key";
export { suspendWhatsAppAccount } from "./suspend-whatsapp-account";
