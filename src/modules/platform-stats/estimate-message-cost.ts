import type { Database } from "@campotech/database";
import { sqlInstant } from "../reports/report-range";
import { COST_PROVIDER_OF, pricingCategoryOf, PROVIDER_COSTS, type CostProvider, type PricingCategory } from "./provider-costs";
import type { StatsPeriod } from "./stats-period";

// Line amounts stay in hundredths of a cent (exact); only the totals are rounded to cents.
export type CostLine = { provider: CostProvider; category: PricingCategory; delivered: number; unitHundredthsOfCent: number; totalHundredthsOfCent: number };
export type MessageCost = { lines: CostLine[]; totalCents: number; monthlyCents: number };

// Outbound messages created in the period that were delivered (DELIVERED or READ), priced with PROVIDER_COSTS.
// Category: the pricing.category a provider reported on any of the message's statuses; else the category of the
// organization's template of that name and language; else "service" (a free-form reply). Provider: the business
// number the message went out from (or the conversation's). monthlyCents scales the total to 30 days.
export async function estimateMessageCost(database: Database, period: StatsPeriod): Promise<MessageCost> {
  const rows = await database.$queryRaw<{ bsp: string; category: string | null; delivered: number }[]>`
    SELECT a."bspProvider"::text AS bsp,
           COALESCE((SELECT max(e."details"->'pricing'->>'category') FROM "WhatsAppStatusEvent" e WHERE e."messageId" = m."id"),
                    (SELECT t."category"::text FROM "WaTemplate" t
                      WHERE m."type" = 'TEMPLATE' AND t."organizationId" = m."organizationId"
                        AND t."name" = m."content"->>'name' AND t."language" = COALESCE(m."content"->>'language', 'es_AR'))) AS category,
           count(*)::int AS delivered
      FROM "WhatsAppMessage" m
      JOIN "WhatsAppConversation" c ON c."id" = m."conversationId"
      JOIN "WhatsAppBusinessAccount" a ON a."id" = COALESCE(m."accountId", c."accountId")
     WHERE m."direction" = 'OUTBOUND' AND m."status" IN ('DELIVERED', 'READ')
       AND m."createdAt" >= ${sqlInstant(period.start)}::timestamp(3) AND m."createdAt" < ${sqlInstant(period.end)}::timestamp(3)
     GROUP BY 1, 2`;
  const merged = new Map<string, CostLine>();
  for (const row of rows) {
    const provider = COST_PROVIDER_OF[row.bsp]!;
    const category = pricingCategoryOf(row.category);
    const unit = PROVIDER_COSTS[provider][category];
    const line = merged.get(`${provider}:${category}`) ?? { provider, category, delivered: 0, unitHundredthsOfCent: unit, totalHundredthsOfCent: 0 };
    line.delivered += row.delivered;
    line.totalHundredthsOfCent = line.delivered * unit;
    merged.set(`${provider}:${category}`, line);
  }
  const lines = [...merged.values()].sort((a, b) => a.provider.localeCompare(b.provider) || a.category.localeCompare(b.category));
  const exact = lines.reduce((n, l) => n + l.totalHundredthsOfCent, 0);
  return { lines, totalCents: Math.round(exact / 100), monthlyCents: Math.round((exact * 30) / (100 * period.days)) };
}
