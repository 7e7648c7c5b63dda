"use client";

import dynamic from "next/dynamic";
import type { LiveMapProps } from "./map-types";
import styles from "./maps.module.css";

// Leaflet reads `window` when imported, so the map is loaded only in the browser; the server sends a placeholder of
// the same size (no layout jump) that says what is coming.
export const LiveMap = dynamic<LiveMapProps>(() => import("./leaflet-map").then((m) => m.LeafletMap), {
  ssr: false,
  loading: () => (
    <div className={`${styles.map} ${styles.placeholder}`} role="status">
      Cargando el mapa…
    </div>
  ),
});
