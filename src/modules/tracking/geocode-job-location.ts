import { searchAddress } from "../../integrations/geocoding/search-address";
import { withTenant } from "../../lib/db";
import { env } from "../../lib/env";
import { publishJobChanges } from "../jobs/publish-job-changes";

export type GeocodeOutcome = { status: "located" | "not_found" | "skipped"; detail?: string };

export type GeocodeDeps = { geocoderUrl?: string | undefined; timeoutMs?: number; now?: Date };

// tracking.geocode-job: the job's address (plus the customer's city, when the address does not name one) through the
// configured geocoder. A pin placed by hand is never overwritten, and an answer for an address that changed meanwhile
// is thrown away (the newer change queued its own geocoding). A geocoder failure throws: the job retries.
export async function geocodeJobLocation(input: { organizationId: string; jobId: string }, deps: GeocodeDeps = {}): Promise<GeocodeOutcome> {
  const geocoderUrl = "geocoderUrl" in deps ? deps.geocoderUrl : env.GEOCODER_URL;
  if (!geocoderUrl) return { status: "skipped", detail: "sin geocodificador configurado" };
  const job = await withTenant(input.organizationId, (tx) =>
    tx.job.findFirst({
      where: { id: input.jobId },
      select: { id: true, number: true, status: true, address: true, locationSource: true, technicianId: true, customer: { select: { city: true } } },
    }),
  );
  if (!job) return { status: "skipped", detail: "el trabajo ya no existe" };
  if (job.locationSource === "TECHNICIAN" || job.locationSource === "DASHBOARD") return { status: "skipped", detail: "tiene un pin puesto a mano" };
  const city = job.customer.city?.trim();
  const query = city && !job.address.toLowerCase().includes(city.toLowerCase()) ? `${job.address}, ${city}` : job.address;
  const found = await searchAddress(geocoderUrl, query, { timeoutMs: deps.timeoutMs ?? env.GEO_HTTP_TIMEOUT_MS });
  if (!found) return { status: "not_found", detail: query };
  const now = deps.now ?? new Date();
  const updated = await withTenant(input.organizationId, (tx) =>
    tx.job.updateMany({
      where: { id: job.id, address: job.address, OR: [{ locationSource: null }, { locationSource: "GEOCODED" }] },
      data: { latitude: found.lat, longitude: found.lng, locationSource: "GEOCODED", geocodedAt: now },
    }),
  );
  if (updated.count !== 1) return { status: "skipped", detail: "la dirección o el pin cambiaron mientras tanto" };
  // The dashboards re-read the job; the technician's cached destination is dropped.
  await publishJobChanges({
    events: [{
      type: "job.updated", organizationId: input.organizationId, jobId: job.id, number: job.number, status: job.status, fields: ["location"],
      technicianId: job.technicianId, previousTechnicianId: job.technicianId, at: now.toISOString(),
    }],
  });
  return { status: "located" };
}
