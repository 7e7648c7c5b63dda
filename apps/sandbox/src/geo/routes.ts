import type { Router } from "../http/router.ts";
import { json } from "../http/types.ts";
import { lookUp } from "./gazetteer.ts";

// Stand-ins for the two geo services CampoTech can be pointed at (GEOCODER_URL, ROUTING_URL), speaking their wire
// formats: Nominatim's /search (format=jsonv2) and OSRM's /route/v1/driving. Deterministic, so tests can assert.
const ROAD_FACTOR = 1.35;
const SPEED_KMH = 25;

function haversineMeters(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const h = Math.sin(rad(b.lat - a.lat) / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lng - a.lng) / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function registerGeoRoutes(router: Router): void {
  // https://nominatim.org/release-docs/latest/api/Search/
  router.on("GET", "/geo/search", (ctx) => {
    const q = ctx.query.get("q")?.trim() ?? "";
    const format = ctx.query.get("format") ?? "xml";
    if (!q) return json(400, { error: { code: 400, message: "Nothing to search for." } });
    if (format !== "jsonv2" && format !== "json") return json(400, { error: { code: 400, message: `Parameter 'format' must be one of: json, jsonv2 (sandbox)` } });
    const countries = (ctx.query.get("countrycodes") ?? "").toLowerCase().split(",").filter(Boolean);
    if (countries.length && !countries.includes("ar")) return json(200, []);
    const place = lookUp(q);
    if (!place) return json(200, []);
    const id = Math.abs(Math.round(place.lat * 1e6) ^ Math.round(place.lng * 1e6));
    return json(200, [{
      place_id: id, licence: "Data © OpenStreetMap contributors, ODbL 1.0. https://osm.org/copyright (CampoTech sandbox)",
      osm_type: "way", osm_id: id, lat: String(place.lat), lon: String(place.lng), category: "place", type: "house",
      place_rank: 30, importance: place.exact ? 0.5 : 0.1, addresstype: "place", name: "", display_name: place.displayName,
      boundingbox: [String(place.lat - 0.0005), String(place.lat + 0.0005), String(place.lng - 0.0005), String(place.lng + 0.0005)],
    }].slice(0, Math.max(1, Number(ctx.query.get("limit") ?? "10"))));
  });

  // http://project-osrm.org/docs/v5.24.0/api/#route-service — straight line × 1.35 at 25 km/h.
  router.on("GET", "/osrm/route/v1/driving/:coordinates", (ctx) => {
    const pairs = (ctx.params.coordinates ?? "").replace(/\.json$/, "").split(";").map((pair) => pair.split(",").map(Number));
    if (pairs.length < 2 || pairs.some((p) => p.length !== 2 || p.some((n) => !Number.isFinite(n)))) {
      return json(400, { code: "InvalidUrl", message: `URL string malformed close to position 1: "${ctx.params.coordinates ?? ""}"` });
    }
    const points = pairs.map(([lng, lat]) => ({ lat: lat!, lng: lng! }));
    if (points.some((p) => Math.abs(p.lat) > 90 || Math.abs(p.lng) > 180)) return json(400, { code: "InvalidValue", message: "Invalid coordinate value." });
    const legs = points.slice(1).map((to, i) => {
      const distance = Number((haversineMeters(points[i]!, to) * ROAD_FACTOR).toFixed(1));
      const duration = Number((distance / ((SPEED_KMH * 1000) / 3600)).toFixed(1));
      return { distance, duration, weight: duration, summary: "", steps: [] };
    });
    const distance = Number(legs.reduce((sum, l) => sum + l.distance, 0).toFixed(1));
    const duration = Number(legs.reduce((sum, l) => sum + l.duration, 0).toFixed(1));
    return json(200, {
      code: "Ok",
      routes: [{ distance, duration, weight: duration, weight_name: "routability", legs }],
      waypoints: points.map((p) => ({ hint: "", distance: 0, name: "", location: [p.lng, p.lat] })),
    });
  });
}
