import { NextResponse } from "next/server";
import { webHealth } from "@/lib/health";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function GET(): Promise<NextResponse> {
  const { report, reason } = await webHealth();
  return NextResponse.json(reason ? { ...report, reason } : report, {
    status: reason ? 503 : 200,
    headers: { "cache-control": "no-store" },
  });
}
