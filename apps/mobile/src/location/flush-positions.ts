import { TRACKING_MAX_BATCH, type PositionBatchResult, type PositionInput } from "@campotech/core/contracts/tracking";
import type { PositionQueue } from "../data/types";

type Deps = { positions: PositionQueue; baseUrl: string; fetch: typeof fetch; getToken: () => Promise<string | null> };

export type FlushReport = {
  sent: number;
  result: PositionBatchResult | null;
  // Points the server refused for good (400/403/413: sending them again gets the same answer), dropped from the queue.
  refused: number;
  // 409: the server has no job en camino / en curso for this technician. Nothing is dropped: the points wait (the
  // transition that starts the trip may still be in the outbox), and the caller stops recording.
  noActiveJob: boolean;
};

// Sends the queued positions oldest first, 100 per request, and drops each batch once the server answered. No network,
// 401, 429 or a server error leaves them queued for the next tick.
export async function flushPositions(deps: Deps): Promise<FlushReport> {
  const report: FlushReport = { sent: 0, result: null, refused: 0, noActiveJob: false };
  for (;;) {
    const batch: PositionInput[] = await deps.positions.peek(TRACKING_MAX_BATCH);
    if (!batch.length) return report;
    const token = await deps.getToken();
    if (!token) return report;
    let response: Response;
    try {
      response = await deps.fetch(`${deps.baseUrl}/api/tracking/positions`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ positions: batch }),
      });
    } catch {
      return report;
    }
    if (response.status === 409) return { ...report, noActiveJob: true };
    if (response.status >= 500 || response.status === 401 || response.status === 429) return report;
    if (response.ok) {
      report.result = (await response.json()) as PositionBatchResult;
      report.sent += batch.length;
    } else {
      report.refused += batch.length;
    }
    await deps.positions.drop(batch.length);
  }
}

export function toPositionInput(c: { latitude: number; longitude: number; accuracy?: number | null; speed?: number | null; heading?: number | null }, timestamp: number): PositionInput {
  const clean = (v: number | null | undefined, max: number) => (v === null || v === undefined || v < 0 || v > max ? null : v);
  return { lat: c.latitude, lng: c.longitude, accuracy: clean(c.accuracy, 10_000), speed: clean(c.speed, 100), heading: clean(c.heading, 360), recordedAt: new Date(timestamp).toISOString() };
}
