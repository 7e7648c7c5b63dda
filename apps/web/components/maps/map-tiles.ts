import { env } from "@campotech/core/lib/env";
import type { MapTiles } from "./map-types";

// The tile server comes from the web env, read on the server and handed to the map as a prop (a NEXT_PUBLIC_ value
// would be frozen into the bundle at build time). Unset: no tiles, the markers on a plain background. The tile
// origin is allowed in img-src by apps/web/proxy.ts.
export function mapTiles(): MapTiles {
  if (!env.MAP_TILE_URL) return null;
  return { url: env.MAP_TILE_URL, attribution: env.MAP_TILE_ATTRIBUTION };
}
