"use client";

import "leaflet/dist/leaflet.css";
import L from "leaflet";
import { useEffect, useMemo, useRef } from "react";
import { MapContainer, Marker, Polyline, TileLayer, useMap, useMapEvents } from "react-leaflet";
import { DEFAULT_CENTER, type LiveMapProps, type MapMarker, type MapPoint } from "./map-types";
import styles from "./maps.module.css";

// The one place that talks to Leaflet. Loaded only in the browser (live-map.tsx). Markers are our own HTML
// (L.divIcon): no marker images from a CDN, and each marker element carries its label and coordinates as
// attributes, so a screen reader can name it and a test can watch it move.
export function LeafletMap({ tiles, markers, route, fitKey, keepInView, onMapClick, picking, label, className }: LiveMapProps) {
  return (
    <div className={`${styles.frame} ${className ?? ""}`} role="region" aria-label={label} data-picking={picking ? "true" : undefined}>
      <MapContainer
        center={[DEFAULT_CENTER.lat, DEFAULT_CENTER.lng]}
        zoom={12}
        className={`${styles.map} ${tiles ? "" : styles.noTiles} ${picking ? styles.picking : ""}`}
        attributionControl={Boolean(tiles)}
        scrollWheelZoom
      >
        {tiles ? <TileLayer url={tiles.url} attribution={tiles.attribution} /> : null}
        {route && route.length > 1 ? <Polyline positions={route.map((p) => [p.lat, p.lng] as [number, number])} pathOptions={{ color: "#0f766e", weight: 4, opacity: 0.8 }} /> : null}
        {markers.map((m) => (
          <AccessibleMarker key={m.id} marker={m} />
        ))}
        <FitView fitKey={fitKey} points={[...markers.map((m) => m.position), ...(route ?? [])]} keepInView={keepInView ?? false} />
        {onMapClick ? <ClickCatcher onClick={onMapClick} /> : null}
      </MapContainer>
    </div>
  );
}

function AccessibleMarker({ marker }: { marker: MapMarker }) {
  const ref = useRef<L.Marker | null>(null);
  const { html, size, anchor } = marker.icon;
  // Same icon object while its look is the same: a new one makes Leaflet replace the element (and lose focus).
  const icon = useMemo(() => L.divIcon({ html, iconSize: size, iconAnchor: anchor, className: styles.divIcon }), [html, size[0], size[1], anchor[0], anchor[1]]);
  const position = useMemo(() => [marker.position.lat, marker.position.lng] as [number, number], [marker.position.lat, marker.position.lng]);
  const onSelect = useRef(marker.onSelect);
  onSelect.current = marker.onSelect;
  const handlers = useMemo<L.LeafletEventHandlerFnMap>(
    () => ({
      click: () => onSelect.current?.(),
      // Leaflet makes markers focusable buttons but only mice click them: Enter and Space do too.
      keydown: (e) => {
        const key = (e as L.LeafletKeyboardEvent).originalEvent.key;
        if (key === "Enter" || key === " ") {
          (e as L.LeafletKeyboardEvent).originalEvent.preventDefault();
          onSelect.current?.();
        }
      },
    }),
    [],
  );

  // Leaflet has no props for these; they are set on the element it made (again after an icon change replaced it).
  useEffect(() => {
    const element = ref.current?.getElement();
    if (!element) return;
    element.setAttribute("data-testid", marker.testId);
    element.setAttribute("data-lat", String(marker.position.lat));
    element.setAttribute("data-lng", String(marker.position.lng));
    element.setAttribute("aria-label", marker.label);
    element.setAttribute("title", marker.label);
    if (marker.state) element.setAttribute("data-state", marker.state);
    if (!marker.onSelect) {
      // Nothing happens on a click: not a button, not a tab stop.
      element.removeAttribute("tabindex");
      element.setAttribute("role", "img");
    }
  }, [icon, marker.testId, marker.position.lat, marker.position.lng, marker.label, marker.state, marker.onSelect]);

  return <Marker ref={ref} position={position} icon={icon} title={marker.label} zIndexOffset={marker.zIndex ?? 0} eventHandlers={handlers} keyboard={Boolean(marker.onSelect)} interactive={Boolean(marker.onSelect)} />;
}

// Fits the view to everything shown when fitKey changes (or when the first points arrive); with keepInView, also when
// a point has come close to the edge. Leaflet measures its box once: when the box changes size (the layout settled
// after the map mounted, a phone rotated) it measures again and fits again.
function FitView({ fitKey, points, keepInView }: { fitKey: string; points: MapPoint[]; keepInView: boolean }) {
  const map = useMap();
  const fitted = useRef<string | null>(null);
  const touched = useRef(false);
  const latest = useRef(points);
  latest.current = points;
  const key = points.map((p) => `${p.lat.toFixed(5)},${p.lng.toFixed(5)}`).join(";");

  useEffect(() => {
    if (!points.length) return;
    const bounds = boundsOf(points);
    // Until the person pans or zooms, a followed map keeps everything centered; after that, only when a point nears the edge.
    const refit = fitted.current !== fitKey || (keepInView && (!touched.current || !map.getBounds().pad(-0.15).contains(bounds)));
    if (!refit) return;
    fitted.current = fitKey;
    fit(map, bounds);
  }, [map, fitKey, key, keepInView]);

  useEffect(() => {
    const container = map.getContainer();
    const touch = () => {
      touched.current = true;
    };
    container.addEventListener("pointerdown", touch);
    container.addEventListener("wheel", touch, { passive: true });
    // Compared with the size Leaflet measured when it was created, which may predate the final layout.
    const observer = new ResizeObserver(() => {
      const size = map.getSize();
      if (container.clientWidth === size.x && container.clientHeight === size.y) return;
      map.invalidateSize({ pan: false });
      if (latest.current.length) fit(map, boundsOf(latest.current));
    });
    observer.observe(container);
    return () => {
      observer.disconnect();
      container.removeEventListener("pointerdown", touch);
      container.removeEventListener("wheel", touch);
    };
  }, [map]);
  return null;
}

const boundsOf = (points: MapPoint[]) => L.latLngBounds(points.map((p) => [p.lat, p.lng] as [number, number]));

// Pins stand above their point (anchored at the tip): more room at the top than at the bottom.
function fit(map: L.Map, bounds: L.LatLngBounds) {
  map.invalidateSize({ pan: false });
  if (bounds.getNorthEast().equals(bounds.getSouthWest())) map.setView(bounds.getCenter(), Math.max(map.getZoom(), 15));
  else map.fitBounds(bounds, { paddingTopLeft: [40, 56], paddingBottomRight: [40, 24], maxZoom: 16 });
}

function ClickCatcher({ onClick }: { onClick: (p: MapPoint) => void }) {
  useMapEvents({ click: (e) => onClick({ lat: e.latlng.lat, lng: e.latlng.lng }) });
  return null;
}
