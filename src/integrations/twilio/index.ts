export { createTwilioProvider, TWILIO_CAPABILITIES } from "./create-twilio-provider";
export type { TwilioAccount, TwilioProvider } from "./create-twilio-provider";
export { sendTwilioSms } from "./send-twilio-sms";
export type { SmsInput } from "./send-twilio-sms";
export { toTwilioMessage, toContentVariables } from "./to-twilio-message";
export { resolveContentSid } from "./resolve-content-sid";
export { DEFAULT_TWILIO_CONTENT_SIDS } from "./default-content-sids";
export { parseTwilioError } from "./parse-twilio-error";
