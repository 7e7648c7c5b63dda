export { closeEmailTransports, sendEmail, smtpConfigFromEnv } from "./send-email";
export type { Email, SmtpConfig } from "./send-email";
