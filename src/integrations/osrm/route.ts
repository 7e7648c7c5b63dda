import { z } from "zod";

export type RoadRoute = { distanceMeters: number; durationSeconds: number };

// OSRM's HTTP API (also served by Valhalla/GraphHopper OSRM-compatible shims): coordinates go lng,lat; the first
// route's distance (m) and duration (s) are all we use, so no geometry is asked for (overview=false).
const answerSchema = z.object({
  code: z.string(),
  message: z.string().optional(),
  routes: z.array(z.object({ distance: z.number().nonnegative(), duration: z.number().nonnegative() })).optional(),
});

export class RoutingError extends Error {
  override name = "RoutingError";
}

export async function fetchRoadRoute(
  baseUrl: string,
  from: { lat: number; lng: number },
  to: { lat: number; lng: number },
  options: { timeoutMs: number },
): Promise<RoadRoute> {
  const coords = `${from.lng.toFixed(6)},${from.lat.toFixed(6)};${to.lng.toFixed(6)},${to.lat.toFixed(6)}`;
  const url = `${baseUrl.replace(/\/$/, "")}/route/v1/driving/${coords}?overview=false&alternatives=false&steps=false`;
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: "application/json" }, signal: AbortSignal.timeout(options.timeoutMs) });
  } catch (error) {
    throw new RoutingError(`routing engine unreachable: ${(error as Error).message}`);
  }
  const parsed = answerSchema.safeParse(await response.json().catch(() => null));
  if (!response.ok || !parsed.success) throw new RoutingError(`routing engine answered ${response.status}`);
  const route = parsed.data.routes?.[0];
  if (parsed.data.code !== "Ok" || !route) throw new RoutingError(`no route: ${parsed.data.code} ${parsed.data.message ?? ""}`.trim());
  return { distanceMeters: route.distance, durationSeconds: route.duration };
}
