import type { Database } from "@campotech/database";
import { sqlInstant } from "../reports/report-range";
import type { StatsPeriod } from "./stats-period";

export type ConcurrentConversations = { peak: number; hourStart: Date | null };

// The most conversations (across all organizations) with at least one message, inbound or outbound, inside the
// same clock hour of the period; hourStart is the first such hour (UTC instant; Buenos Aires hours are whole-hour
// offsets, so the buckets are the same). 0 and null with no messages.
export async function peakConcurrentConversations(database: Database, period: StatsPeriod): Promise<ConcurrentConversations> {
  const rows = await database.$queryRaw<{ hour: Date; conversations: number }[]>`
    SELECT date_trunc('hour', "createdAt") AS hour, count(DISTINCT "conversationId")::int AS conversations
      FROM "WhatsAppMessage"
     WHERE "createdAt" >= ${sqlInstant(period.start)}::timestamp(3) AND "createdAt" < ${sqlInstant(period.end)}::timestamp(3)
     GROUP BY 1 ORDER BY 2 DESC, 1 ASC LIMIT 1`;
  const top = rows[0];
  // Prisma returns `timestamp` columns as Dates read as UTC, which is how createdAt is stored.
  return top ? { peak: top.conversations, hourStart: top.hour } : { peak: 0, hourStart: null };
}
