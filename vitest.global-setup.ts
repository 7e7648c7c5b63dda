import "./vitest.env";
import { Redis } from "ioredis";
import { startSandbox } from "./apps/sandbox/src/index";
import { migrate } from "./database/src/migrate";

// Migrate the test database the way production does (our runner over the committed SQL), start from an empty
// Redis index, and run the provider sandbox at the URLs vitest.env.ts puts in env.
export default async function setup(): Promise<() => Promise<void>> {
  const adminUrl = process.env.DATABASE_ADMIN_URL as string;
  const appUrl = process.env.DATABASE_URL as string;
  await migrate({ adminUrl, appUrl });
  const redis = new Redis(process.env.REDIS_URL as string);
  await redis.flushdb();
  await redis.quit();
  const sandbox = await startSandbox({
    port: Number(process.env.SANDBOX_PORT), smtpPort: Number(process.env.SMTP_PORT), host: "127.0.0.1", config: { webhookRetry: { baseMs: 1000, maxAttempts: 1 } },
  });
  return () => sandbox.close();
}
