import { serveMetrics } from "@campotech/core/modules/metrics";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

// Prometheus scrape endpoint (docs/operations.md "Metrics"): bearer METRICS_TOKEN; 404 when metrics are off.
export async function GET(request: Request): Promise<Response> {
  const { status, headers, body } = await serveMetrics(request.headers.get("authorization"));
  return new Response(body, { status, headers });
}
