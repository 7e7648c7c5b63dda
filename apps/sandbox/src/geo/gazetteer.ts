import { createHash } from "node:crypto";

export type Place = { lat: number; lng: number; displayName: string; exact: boolean };

// The demo organization's addresses (database/seed/demo-data.ts), where they really are, so the demo map looks right.
const KNOWN: { match: RegExp; lat: number; lng: number; displayName: string }[] = [
  { match: /rivadavia\s+4520/, lat: -34.61538, lng: -58.43402, displayName: "Avenida Rivadavia 4520, Caballito, Comuna 6, Ciudad Autónoma de Buenos Aires, Argentina" },
  { match: /mitre\s+1234/, lat: -34.66408, lng: -58.36505, displayName: "Bartolomé Mitre 1234, Avellaneda, Partido de Avellaneda, Buenos Aires, Argentina" },
  { match: /yrigoyen\s+870/, lat: -34.70642, lng: -58.39241, displayName: "Hipólito Yrigoyen 870, Lanús Oeste, Partido de Lanús, Buenos Aires, Argentina" },
  { match: /belgrano\s+2210/, lat: -34.72386, lng: -58.26402, displayName: "Belgrano 2210, Quilmes, Partido de Quilmes, Buenos Aires, Argentina" },
  { match: /gorriti\s+5120/, lat: -34.58756, lng: -58.43376, displayName: "Gorriti 5120, Palermo, Comuna 14, Ciudad Autónoma de Buenos Aires, Argentina" },
  { match: /yrigoyen\s+4120/, lat: -34.70128, lng: -58.39367, displayName: "Avenida Hipólito Yrigoyen 4120, Lanús, Partido de Lanús, Buenos Aires, Argentina" },
  { match: /obelisco|corrientes\s+1000\b/, lat: -34.603722, lng: -58.381592, displayName: "Obelisco, Avenida Corrientes 1000, San Nicolás, Ciudad Autónoma de Buenos Aires, Argentina" },
];

// The area other addresses land in: Buenos Aires city and the first ring of the conurbano.
const AREA = { south: -34.75, north: -34.53, west: -58.53, east: -58.33 };

const normalize = (q: string) => q.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ").trim();

// Deterministic: a known address → its place; anything else → a stable point inside the area derived from a hash of
// the normalized text (the same address always lands on the same point). An address that says "inexistente" is not
// found (to exercise the "no result" path).
export function lookUp(query: string): Place | null {
  const q = normalize(query);
  if (!q || q.includes("inexistente")) return null;
  const known = KNOWN.find((k) => k.match.test(q));
  if (known) return { lat: known.lat, lng: known.lng, displayName: known.displayName, exact: true };
  const hash = createHash("sha256").update(q).digest();
  const u = hash.readUInt32BE(0) / 0xffffffff;
  const v = hash.readUInt32BE(4) / 0xffffffff;
  const lat = Number((AREA.south + u * (AREA.north - AREA.south)).toFixed(6));
  const lng = Number((AREA.west + v * (AREA.east - AREA.west)).toFixed(6));
  return { lat, lng, displayName: `${query.trim()}, Buenos Aires, Argentina`, exact: false };
}
