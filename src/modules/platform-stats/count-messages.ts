import type { Database } from "@campotech/database";
import { sqlInstant } from "../reports/report-range";
import type { StatsPeriod } from "./stats-period";

export type OrganizationMessages = { organizationId: string; name: string; inbound: number; outbound: number; templates: number; total: number };
export type MessageCounts = { inbound: number; outbound: number; templates: number; total: number; byOrganization: OrganizationMessages[] };

// WhatsApp messages stored in [start, end) by createdAt, every organization: inbound = from customers (every type,
// reactions included), outbound = everything we queued to send (failed ones too: each is a send attempt),
// templates = outbound messages of type TEMPLATE. Organizations with no message in the period are not listed.
export async function countMessages(database: Database, period: StatsPeriod): Promise<MessageCounts> {
  const rows = await database.$queryRaw<{ organization_id: string; name: string; inbound: number; outbound: number; templates: number }[]>`
    SELECT m."organizationId" AS organization_id, o."name" AS name,
           count(*) FILTER (WHERE m."direction" = 'INBOUND')::int AS inbound,
           count(*) FILTER (WHERE m."direction" = 'OUTBOUND')::int AS outbound,
           count(*) FILTER (WHERE m."direction" = 'OUTBOUND' AND m."type" = 'TEMPLATE')::int AS templates
      FROM "WhatsAppMessage" m JOIN "Organization" o ON o."id" = m."organizationId"
     WHERE m."createdAt" >= ${sqlInstant(period.start)}::timestamp(3) AND m."createdAt" < ${sqlInstant(period.end)}::timestamp(3)
     GROUP BY m."organizationId", o."name"`;
  const byOrganization = rows
    .map((r) => ({ organizationId: r.organization_id, name: r.name, inbound: r.inbound, outbound: r.outbound, templates: r.templates, total: r.inbound + r.outbound }))
    .sort((a, b) => b.total - a.total || a.name.localeCompare(b.name));
  const sum = (key: "inbound" | "outbound" | "templates") => byOrganization.reduce((n, r) => n + r[key], 0);
  return { inbound: sum("inbound"), outbound: sum("outbound"), templates: sum("templates"), total: sum("inbound") + sum("outbound"), byOrganization };
}
