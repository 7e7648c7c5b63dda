// Anything that can carry a credential or a one-time code is redacted wherever it appears in a log object.
export const REDACTED_PATHS = [
  "authorization",
  "*.authorization",
  "headers.authorization",
  "*.headers.authorization",
  'headers["x-hub-signature-256"]',
  'headers["x-twilio-signature"]',
  'headers["d360-api-key"]',
  "*.accessToken",
  "accessToken",
  "*.refreshToken",
  "refreshToken",
  "*.token",
  "token",
  "*.apiKey",
  "apiKey",
  "*.authToken",
  "authToken",
  "*.appSecret",
  "appSecret",
  "*.password",
  "password",
  "*.otp",
  "otp",
  "*.otpCode",
  "otpCode",
  "*.credentials",
  "credentials",
  "*.webhookSecret",
  "webhookSecret",
  "*.sealedContent",
  "sealedContent",
  "cookie",
  "headers.cookie",
  "*.headers.cookie",
  'headers["set-cookie"]',
  '*.headers["set-cookie"]',
];

// The same credentials by field name, for tools that walk objects instead of taking pino paths (error reports):
// "*.headers.authorization" and 'headers["x-hub-signature-256"]' both become the key they end with.
const CREDENTIAL_KEYS = REDACTED_PATHS.map((path) => path.match(/(?:\["([^"]+)"\]|([\w-]+))$/)?.slice(1).find(Boolean) ?? path);

// What people wrote or who they are: never leaves the process in an error report or a product event.
const PERSONAL_KEYS = [
  "body", "text", "content", "caption", "transcript", "prompt", "completion", "preview", "lastMessagePreview",
  "messageBody", "phone", "phoneNumber", "waId", "wa_id", "from", "to", "email", "cookies", "secret", "clientSecret",
  "x-api-key", "proxy-authorization",
];

export const SENSITIVE_KEYS: ReadonlySet<string> = new Set([...CREDENTIAL_KEYS, ...PERSONAL_KEYS].map((key) => key.toLowerCase()));
