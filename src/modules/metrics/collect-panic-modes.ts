import { adminDb } from "../../lib/db";
import { panicModesActive } from "../../lib/metrics/panic-metrics";
import { boundedLabel } from "../../lib/metrics/registry";

// Channels that always appear (at 0 when nothing is tripped), so "no panic" is a value and not a missing series.
const CHANNELS = ["whatsapp", "sms", "arca"];

// Counts ACTIVE panic modes of every organization at scrape time. A cross-organization read: the app role only sees
// one tenant per transaction (RLS), so this one aggregate goes through the owner connection (adminDb), the way
// operator tooling reads across tenants. It reads no row content, only a count per channel prefix.
export async function collectPanicModes(): Promise<void> {
  panicModesActive.reset();
  const rows = await adminDb().$queryRaw<{ channel: string; active: number }[]>`
    SELECT split_part("integration", ':', 1) AS channel, count(*)::int AS active
      FROM "PanicMode" WHERE "status" = 'ACTIVE' GROUP BY 1`;
  for (const channel of CHANNELS) panicModesActive.set({ channel }, 0);
  for (const row of rows) panicModesActive.set({ channel: boundedLabel(row.channel) }, row.active);
}
