import { env } from "../../lib/env";
import { enqueue } from "../../workers/enqueue";
import { GEOCODE_JOB_JOB } from "./tracking-job-names";

// One geocoding per address version (the key carries the change's time): a retried request does not geocode twice,
// a later address change does. Nothing happens without a configured geocoder.
export async function enqueueGeocodeJob(input: { organizationId: string; jobId: string; version: string }): Promise<boolean> {
  if (!env.GEOCODER_URL) return false;
  await enqueue(GEOCODE_JOB_JOB, { organizationId: input.organizationId, jobId: input.jobId }, {
    jobId: `geocode-${input.jobId}-${input.version}`,
    attempts: 5,
    backoff: { type: "exponential", delay: 5_000 },
  });
  return true;
}
