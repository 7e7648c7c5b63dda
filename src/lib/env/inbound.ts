import { z } from "zod";

const bool = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");
const optional = z.string().optional().transform((v) => (v ? v : undefined));

export const inboundEnv = z.object({
  // Webhook bodies above this are refused with 413 before they are read in full.
  WEBHOOK_MAX_BODY_BYTES: z.coerce.number().int().positive().default(1_048_576),
  // A customer's burst of messages becomes one assistant turn after this much quiet.
  INBOUND_AGGREGATION_WINDOW_MS: z.coerce.number().int().nonnegative().default(8_000),
});

export const mediaEnv = z.object({
  MEDIA_STORAGE_DRIVER: z.enum(["local", "s3"]).default("local"),
  // local driver: a directory (relative paths are resolved from the repository root).
  MEDIA_STORAGE_DIR: z.string().min(1).default(".campotech/media"),
  // s3 driver: any S3-compatible service.
  S3_ENDPOINT: optional.pipe(z.url().optional()),
  S3_REGION: z.string().min(1).default("us-east-1"),
  S3_BUCKET: optional,
  S3_ACCESS_KEY_ID: optional,
  S3_SECRET_ACCESS_KEY: optional,
  S3_FORCE_PATH_STYLE: bool.default(true),
});
