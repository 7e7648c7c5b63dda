// What the map components take. Plain data, no Leaflet types: pages build markers without loading Leaflet (it
// touches `window` on import, so it only runs in the browser).
export type MapPoint = { lat: number; lng: number };

// A raster tile server ({z}/{x}/{y}); null draws no tiles (a plain background under the markers), which is how
// tests and offline demos run.
export type MapTiles = { url: string; attribution: string } | null;

export type MapMarker = {
  id: string; // stable while the thing it shows lives (a technician, a job): the marker moves instead of being re-created
  position: MapPoint;
  // Title and accessible name of the marker, e.g. "Diego Ruiz · En camino".
  label: string;
  icon: MarkerIcon;
  // For tests and assistive tech: data-testid on the marker element; data-lat / data-lng follow its position.
  testId: string;
  state?: string;
  zIndex?: number;
  onSelect?: () => void;
};

export type MarkerIcon = { html: string; size: [number, number]; anchor: [number, number] };

export type LiveMapProps = {
  tiles: MapTiles;
  markers: MapMarker[];
  route?: MapPoint[] | null;
  // The view fits every marker again when this changes (another day, another visit); otherwise it stays where the
  // person left it, so a refresh every few seconds does not fight their panning.
  fitKey: string;
  // Also re-fit when a marker leaves the visible area (the customer's small map follows the technician).
  keepInView?: boolean;
  onMapClick?: (point: MapPoint) => void;
  // Choosing a point: a crosshair cursor and a hint for screen readers.
  picking?: boolean;
  label: string;
  className?: string;
};

// Buenos Aires' Obelisco: where an empty map opens.
export const DEFAULT_CENTER: MapPoint = { lat: -34.6037, lng: -58.3816 };
