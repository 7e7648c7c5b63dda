import { NextResponse, type NextRequest } from "next/server";
import { isAppError } from "@campotech/core/lib/errors";
import { buildPlatformStatsReport } from "@campotech/core/modules/platform-stats";
import { requireOperatorSession } from "@/lib/panel/operator-session";

// The report as a JSON download, for operators only (everyone else: 404, like the page).
export async function GET(request: NextRequest) {
  await requireOperatorSession("/operador/estadisticas");
  const q = request.nextUrl.searchParams;
  try {
    const report = await buildPlatformStatsReport({ from: q.get("desde") || undefined, to: q.get("hasta") || undefined, now: new Date() });
    return NextResponse.json(report, { headers: { "content-disposition": `attachment; filename="campotech-estadisticas-${report.period.from}-${report.period.to}.json"` } });
  } catch (error) {
    if (!isAppError(error)) throw error;
    return NextResponse.json({ error: { code: error.code, message: error.message } }, { status: error.status });
  }
}
