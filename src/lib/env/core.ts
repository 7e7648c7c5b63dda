import { z } from "zod";

export const coreEnv = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  APP_TIMEZONE: z.string().min(1).default("America/Argentina/Buenos_Aires"),
});
