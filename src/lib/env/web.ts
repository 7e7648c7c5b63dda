import { z } from "zod";

export const webEnv = z.object({
  WEB_PORT: z.coerce.number().int().positive().default(3000),
  // Interface the web server listens on (apps/web/server.ts).
  WEB_HOST: z.string().min(1).default("0.0.0.0"),
  PUBLIC_BASE_URL: z.url(),
  // Who may tell us the client's address (per-IP login limits, audit rows): "none" = nobody, the TCP peer is the
  // client; a number N = N reverse proxies of ours in front, each appending to X-Forwarded-For; "vercel" = Vercel's
  // edge, which overwrites the header. Anything else the client sends is ignored.
  TRUST_PROXY: z.union([z.enum(["none", "vercel"]), z.coerce.number().int().min(1).max(10)]).default("none"),
  // How long a customer's tracking link keeps working after the visit ended (completed or cancelled).
  TRACKING_LINK_GRACE_HOURS: z.coerce.number().int().min(0).max(24 * 30).default(72),
  // Raster tiles for the dispatch map and the customer's tracking page ({z}/{x}/{y}, optionally {s}). Empty: the maps
  // draw markers and routes on a plain background, so nothing outside our servers is needed to run or test. The
  // tile server's origin is added to the pages' img-src (apps/web/proxy.ts).
  MAP_TILE_URL: z.union([z.literal(""), z.string().regex(/^https?:\/\/[^\s]+\{z\}[^\s]*$/, "MAP_TILE_URL tiene que ser una URL http(s) con {z}, {x} e {y}")]).default(""),
  MAP_TILE_ATTRIBUTION: z.string().max(300).default(""),
});

// The origin the browser fetches tiles from, for the Content-Security-Policy ({s} subdomains become a wildcard).
export function mapTileOrigin(url: string): string | null {
  if (!url) return null;
  const match = /^(https?:\/\/[^/]+)/.exec(url);
  return match ? match[1]!.replace("{s}", "*") : null;
}
