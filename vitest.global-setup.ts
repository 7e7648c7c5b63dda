import { Redis } from "ioredis";
import { migrate } from "./database/src/migrate";
import "./vitest.env";

// Migrate the test database the way production does (our runner over the committed SQL) and start from an
// empty Redis index.
export default async function setup(): Promise<void> {
  const adminUrl = process.env.DATABASE_ADMIN_URL as string;
  const appUrl = process.env.DATABASE_URL as string;
  await migrate({ adminUrl, appUrl });
  const redis = new Redis(process.env.REDIS_URL as string);
  await redis.flushdb();
  await redis.quit();
}
