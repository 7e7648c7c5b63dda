import { z } from "zod";

export type GeocodedPoint = { lat: number; lng: number; displayName: string };

// Nominatim's /search with format=jsonv2 (also what Photon/LocationIQ-compatible services answer): an array of
// places, best first, with lat/lon as strings. Restricted to Argentina: our customers' addresses are there, and an
// unrestricted "Mitre 1234" matches half the continent.
const placeSchema = z.object({ lat: z.coerce.number().min(-90).max(90), lon: z.coerce.number().min(-180).max(180), display_name: z.string().default("") });

export class GeocodingError extends Error {
  override name = "GeocodingError";
}

export async function searchAddress(baseUrl: string, query: string, options: { timeoutMs: number; userAgent?: string }): Promise<GeocodedPoint | null> {
  const url = new URL(`${baseUrl.replace(/\/$/, "")}/search`);
  url.search = new URLSearchParams({ format: "jsonv2", q: query, countrycodes: "ar", limit: "1" }).toString();
  let response: Response;
  try {
    // Nominatim's usage policy asks for an identifying User-Agent.
    response = await fetch(url, { headers: { accept: "application/json", "user-agent": options.userAgent ?? "CampoTech/1.0 (geocoding de trabajos)" }, signal: AbortSignal.timeout(options.timeoutMs) });
  } catch (error) {
    throw new GeocodingError(`geocoder unreachable: ${(error as Error).message}`);
  }
  if (!response.ok) throw new GeocodingError(`geocoder answered ${response.status}`);
  const parsed = z.array(placeSchema).safeParse(await response.json().catch(() => null));
  if (!parsed.success) throw new GeocodingError("geocoder answered something that is not a list of places");
  const first = parsed.data[0];
  return first ? { lat: first.lat, lng: first.lon, displayName: first.display_name } : null;
}
