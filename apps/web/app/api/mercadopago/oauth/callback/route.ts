import { finishMercadoPagoConnectionFromCallback } from "@campotech/core/modules/payments";
import { sharedRedis } from "@campotech/core/lib/redis";
import { sessionClaims } from "@/lib/api/to-route-handler";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// MercadoPago sends the browser back here with ?code&state (or ?error). The answer is always a redirect to the
// settings page, with the outcome in Spanish — a relative Location: the server's own address (0.0.0.0, a proxy's
// upstream) is not the one the browser used.
export async function GET(request: Request): Promise<Response> {
  const claims = await sessionClaims(request);
  const target = await finishMercadoPagoConnectionFromCallback(sharedRedis(), { query: new URL(request.url).searchParams, signedInUserId: claims?.sub ?? null });
  return new Response(null, { status: 303, headers: { location: target, "cache-control": "no-store" } });
}
