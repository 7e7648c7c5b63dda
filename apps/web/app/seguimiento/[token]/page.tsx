import type { Metadata } from "next";
import { getPublicTracking } from "@campotech/core/modules/tracking";
import { mapTiles } from "@/components/maps/map-tiles";
import { TrackingView, type TrackingState } from "./tracking-view";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Seguimiento de tu visita", robots: { index: false, follow: false } };

// A malformed escape in a hand-edited link is just a wrong token, not a server error.
function decodedOrRaw(token: string): string {
  try {
    return decodeURIComponent(token);
  } catch {
    return token;
  }
}

// The customer's page from the "ya está en camino" WhatsApp message: no login, the signed link is the key. The
// first view is rendered here with the same function GET /api/seguimiento/:token uses (steps and times read fine
// without JavaScript); the browser then keeps it current from that endpoint, with the map while the technician is
// on the way.
export default async function TrackingPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const decoded = decodedOrRaw(token);
  const result = await getPublicTracking(decoded);
  const initial: TrackingState = result.kind === "ok" ? { kind: "ok", view: result.view } : { kind: result.kind === "expired" ? "expired" : "invalid" };
  return <TrackingView token={decoded} initial={initial} tiles={mapTiles()} />;
}
