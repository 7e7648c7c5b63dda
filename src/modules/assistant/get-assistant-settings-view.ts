import { openAiConfigFromEnv } from "../../integrations/openai/openai-config-from-env";
import type { OpenAiConfig } from "../../integrations/openai/types";
import type { TenantTx } from "../../lib/db";
import { TIER_LIMITS } from "../organizations/tiers";
import { assistantSettings, type AssistantSettings } from "./assistant-settings";
import { countAiConversations } from "./count-ai-conversations";

export type AssistantSettingsView = AssistantSettings & {
  // "openai" when a model server is configured; "offline" answers with the built-in Spanish rules.
  engine: "openai" | "offline";
  // limit null = unlimited (ENTERPRISE); 0 = the plan has no AI conversations.
  usage: { aiConversationsThisMonth: number; limit: number | null; since: Date };
};

export async function getAssistantSettingsView(
  tx: TenantTx,
  organizationId: string,
  deps: { now?: Date; openAi?: OpenAiConfig | null } = {},
): Promise<AssistantSettingsView> {
  const organization = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { settings: true, tier: true } });
  const usage = await countAiConversations(tx, deps.now ?? new Date());
  const openAi = deps.openAi === undefined ? openAiConfigFromEnv() : deps.openAi;
  return {
    ...assistantSettings(organization.settings),
    engine: openAi ? "openai" : "offline",
    usage: { aiConversationsThisMonth: usage.used, limit: TIER_LIMITS[organization.tier].monthlyAiConversations, since: usage.since },
  };
}
