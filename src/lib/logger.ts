import { pino, type DestinationStream, type Logger } from "pino";
import { env } from "./env";
import { REDACTED_PATHS } from "./observability/sensitive-keys";

export { REDACTED_PATHS } from "./observability/sensitive-keys";

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
