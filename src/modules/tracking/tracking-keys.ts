import { env } from "../../lib/env";

// Every Redis key of live tracking, in one place (docs/tracking.md lists them). The organization id sits in a hash
// tag ({…}) so one organization's keys share a Redis Cluster slot and can go in one MULTI.
const base = (organizationId: string) => `${env.QUEUE_PREFIX}:tracking:{${organizationId}}`;

export const trackingKeys = {
  // GEO set: member = technician id, at their last accepted position (GEOADD / GEOSEARCH).
  geo: (organizationId: string) => `${base(organizationId)}:geo`,
  // JSON LatestPosition, expiring after TRACKING_SIGNAL_TTL_SECONDS: no key = "sin señal".
  last: (organizationId: string, technicianId: string) => `${base(organizationId)}:last:${technicianId}`,
  // Epoch ms of the newest point ever accepted for the technician: duplicates and late points are dropped against it.
  cursor: (organizationId: string, technicianId: string) => `${base(organizationId)}:cursor:${technicianId}`,
  // JSON ActiveJob or "none": the technician's en_camino / working job, so ingest needs no Postgres.
  active: (organizationId: string, technicianId: string) => `${base(organizationId)}:active:${technicianId}`,
  // Bumped on every invalidation: a refill computed before a job change never overwrites the fresher truth.
  activeGeneration: (organizationId: string, technicianId: string) => `${base(organizationId)}:active-gen:${technicianId}`,
  // JSON { tier, settings }: the plan and tracking settings, cached for the hot path.
  organization: (organizationId: string) => `${base(organizationId)}:organization`,
  // Throttles the tracking.position dashboard event per technician.
  eventThrottle: (organizationId: string, technicianId: string) => `${base(organizationId)}:event:${technicianId}`,
  // Set once per job when auto-arrival moved it: the transition happens once however many batches land inside.
  autoArrived: (organizationId: string, jobId: string) => `${base(organizationId)}:arrived:${jobId}`,
};

// Pattern for the maintenance sweep over every organization's GEO set.
export const trackingGeoPattern = () => `${env.QUEUE_PREFIX}:tracking:{*}:geo`;
