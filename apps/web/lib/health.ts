import { db } from "@campotech/core/lib/db";
import { sharedRedis } from "@campotech/core/lib/redis";
import { checkHealth, healthFailureReason, type HealthReport } from "@campotech/core/modules/health";

export async function webHealth(): Promise<{ report: HealthReport; reason: string | undefined }> {
  const report = await checkHealth({ db, redis: sharedRedis(), service: "web" });
  return { report, reason: healthFailureReason(report) };
}
