import type { Database } from "@campotech/database";
import { assistantSettings } from "../assistant/assistant-settings";
import type { MessageCounts } from "./count-messages";
import type { StatsPeriod } from "./stats-period";

export type OrganizationCounts = { total: number; active: number; withAssistant: number };

// total = organizations not suspended. active = at least one inbound or outbound message in the period (the
// organizations countMessages lists). withAssistant = the assistant's automatic answers are switched on in the
// organization's settings now AND it sent at least one answer in the period (an outbound message with
// sentByUserId "assistant" that did not fail).
export async function countOrganizations(database: Database, period: StatsPeriod, messages: MessageCounts): Promise<OrganizationCounts> {
  const total = await database.organization.count({ where: { status: "ACTIVE" } });
  const answered = await database.organization.findMany({
    where: {
      messages: {
        some: { direction: "OUTBOUND", sentByUserId: "assistant", status: { not: "FAILED" }, createdAt: { gte: period.start, lt: period.end } },
      },
    },
    select: { settings: true },
  });
  const withAssistant = answered.filter((o) => assistantSettings(o.settings).autoResponseEnabled).length;
  return { total, active: messages.byOrganization.length, withAssistant };
}
