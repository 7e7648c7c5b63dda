import { z } from "zod";

export const authEnv = z.object({
  JWT_SECRET: z.string().min(32, "must be at least 32 characters"),
  JWT_ACCESS_TTL_SECONDS: z.coerce.number().int().positive().default(900),
});
