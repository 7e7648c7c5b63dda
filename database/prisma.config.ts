import { defineConfig } from "prisma/config";

// Only `prisma generate` uses this file; migrations are applied by our own runner (src/migrate.ts).
export default defineConfig({
  schema: "schema.prisma",
  migrations: { path: "migrations" },
});
