import { pino, type DestinationStream, type Logger } from "pino";
import { env } from "./env";

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

export function createLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? env.LOG_LEVEL,
      redact: { paths: REDACTED_PATHS, censor: "[REDACTED]" },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    options.destination,
  );
}

export const logger = createLogger();

export type { Logger };
