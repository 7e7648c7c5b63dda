import type { Redis } from "ioredis";
import { logger } from "../../lib/logger";
import { sharedRedis, whenRedisReady } from "../../lib/redis";
import type { OrganizationEvent } from "../events/organization-event";
import { forgetActiveJobs } from "./active-job-cache";
import { enqueueGeocodeJob } from "./enqueue-geocode-job";

// After job changes commit (publishJobChanges): the technicians involved lose their cached active job (status,
// assignment or destination may have changed; the next batch re-reads it), and a new or re-addressed job is queued
// for geocoding. Failures are logged, never thrown: the change is committed, and the cache entry expires anyway.
export async function syncJobTracking(events: readonly OrganizationEvent[], redis: Redis = sharedRedis()): Promise<void> {
  const touched = new Map<string, Set<string>>();
  const geocode: { organizationId: string; jobId: string; version: string }[] = [];
  for (const event of events) {
    if (event.type !== "job.created" && event.type !== "job.status_changed" && event.type !== "job.updated") continue;
    const ids = touched.get(event.organizationId) ?? new Set<string>();
    if (event.technicianId) ids.add(event.technicianId);
    if (event.type === "job.updated" && event.previousTechnicianId) ids.add(event.previousTechnicianId);
    touched.set(event.organizationId, ids);
    if (event.type === "job.created" || (event.type === "job.updated" && event.fields.includes("address"))) {
      geocode.push({ organizationId: event.organizationId, jobId: event.jobId, version: String(new Date(event.at).getTime()) });
    }
  }
  if (!touched.size && !geocode.length) return;
  try {
    await whenRedisReady(redis);
    for (const [organizationId, ids] of touched) await forgetActiveJobs(redis, organizationId, [...ids]);
    for (const job of geocode) await enqueueGeocodeJob(job);
  } catch (error) {
    logger.error({ err: (error as Error).message, events: events.length }, "tracking not synced after a job change: the active-job cache expires on its own");
  }
}
