import { z } from "zod";

export const webEnv = z.object({
  WEB_PORT: z.coerce.number().int().positive().default(3000),
  PUBLIC_BASE_URL: z.url(),
});
