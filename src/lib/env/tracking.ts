import { z } from "zod";

const optionalUrl = z
  .string()
  .optional()
  .transform((v) => (v?.trim() ? v.trim() : undefined))
  .pipe(z.url().optional());

// Live tracking (docs/tracking.md). Both services are optional: without GEOCODER_URL jobs get coordinates only from a
// pin (dashboard or technician app); without ROUTING_URL the ETA is the straight-line estimate.
export const trackingEnv = z.object({
  // A Nominatim-compatible geocoder (GET {url}/search?format=jsonv2&q=…). The sandbox serves one at /geo.
  GEOCODER_URL: optionalUrl,
  // An OSRM-compatible routing engine (GET {url}/route/v1/driving/{lng},{lat};{lng},{lat}). The sandbox serves one at /osrm.
  ROUTING_URL: optionalUrl,
  // Both are called with this timeout; a slow routing engine falls back to the estimate.
  GEO_HTTP_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(1_500),
  // Seconds a technician's last position counts as current: past it the map shows "sin señal".
  TRACKING_SIGNAL_TTL_SECONDS: z.coerce.number().int().min(30).max(3_600).default(600),
});
