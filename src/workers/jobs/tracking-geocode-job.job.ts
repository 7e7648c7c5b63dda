import { z } from "zod";
import { geocodeJobLocation } from "../../modules/tracking/geocode-job-location";
import { GEOCODE_JOB_JOB } from "../../modules/tracking/tracking-job-names";
import { defineJob } from "../define-job";

// Enqueued when a job is created or its address changes (and a geocoder is configured); a geocoder failure retries.
export const trackingGeocodeJob = defineJob({
  name: GEOCODE_JOB_JOB,
  queue: "tracking",
  schema: z.object({ organizationId: z.string().min(1), jobId: z.string().min(1) }),
  defaults: { attempts: 5, backoff: { type: "exponential", delay: 5_000 } },
  handler: (payload) => geocodeJobLocation(payload),
});
