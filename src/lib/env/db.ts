import { z } from "zod";

const postgresUrl = z.string().regex(/^postgres(ql)?:\/\/.+/, "must be a postgresql:// URL");

export const dbEnv = z.object({
  DATABASE_URL: postgresUrl,
  DATABASE_ADMIN_URL: postgresUrl,
});
