import { TRACKING_MAX_BATCH, type PositionBatchResult, type PositionInput } from "@campotech/core/contracts/tracking";
import type { PositionQueue } from "../data/types";

type Deps = { positions: PositionQueue; baseUrl: string; fetch: typeof fetch; getToken: () => Promise<string | null> };

// Sends the queued positions oldest first, 100 per request, and drops each batch once the server answered. No network
// or a server error leaves them queued for the next tick; a 4xx (no job under way any more, bad points) drops the
// batch, since sending it again would get the same answer.
export async function flushPositions(deps: Deps): Promise<{ sent: number; result: PositionBatchResult | null }> {
  let sent = 0;
  let result: PositionBatchResult | null = null;
  for (;;) {
    const batch: PositionInput[] = await deps.positions.peek(TRACKING_MAX_BATCH);
    if (!batch.length) return { sent, result };
    const token = await deps.getToken();
    if (!token) return { sent, result };
    let response: Response;
    try {
      response = await deps.fetch(`${deps.baseUrl}/api/tracking/positions`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ positions: batch }),
      });
    } catch {
      return { sent, result };
    }
    if (response.status >= 500 || response.status === 401 || response.status === 429) return { sent, result };
    if (response.ok) result = (await response.json()) as PositionBatchResult;
    await deps.positions.drop(batch.length);
    sent += batch.length;
  }
}

export function toPositionInput(c: { latitude: number; longitude: number; accuracy?: number | null; speed?: number | null; heading?: number | null }, timestamp: number): PositionInput {
  const clean = (v: number | null | undefined, max: number) => (v === null || v === undefined || v < 0 || v > max ? null : v);
  return { lat: c.latitude, lng: c.longitude, accuracy: clean(c.accuracy, 10_000), speed: clean(c.speed, 100), heading: clean(c.heading, 360), recordedAt: new Date(timestamp).toISOString() };
}
