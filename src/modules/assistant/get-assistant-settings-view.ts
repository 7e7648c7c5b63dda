import { openAiConfigFromEnv } from "../../integrations/openai/openai-config-from-env";
import type { OpenAiConfig } from "../../integrations/openai/types";
import type { TenantTx } from "../../lib/db";
import { effectiveTier } from "../organizations/effective-tier";
import { planFeatures } from "../organizations/features";
import { TIER_LIMITS } from "../organizations/tiers";
import { assistantSettings, type AssistantSettings } from "./assistant-settings";
import { countAiConversations } from "./count-ai-conversations";

export type AssistantSettingsView = AssistantSettings & {
  // "openai" when a model server is configured; "offline" answers with the built-in Spanish rules.
  engine: "openai" | "offline";
  // limit null = unlimited (ENTERPRISE); 0 = the plan has no AI conversations.
  usage: { aiConversationsThisMonth: number; limit: number | null; since: Date };
  // What the plan (at its effective tier) lets the assistant do, so the dashboard shows an upgrade instead.
  plan: { aiAutoResponses: boolean; customAiInstructions: boolean; autoJobCreation: boolean; voiceTranscription: boolean };
};

export async function getAssistantSettingsView(
  tx: TenantTx,
  organizationId: string,
  deps: { now?: Date; openAi?: OpenAiConfig | null } = {},
): Promise<AssistantSettingsView> {
  const organization = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { settings: true, tier: true, trialEndsAt: true } });
  const now = deps.now ?? new Date();
  const usage = await countAiConversations(tx, now);
  const tier = effectiveTier(organization, now);
  const features = planFeatures(tier);
  const openAi = deps.openAi === undefined ? openAiConfigFromEnv() : deps.openAi;
  return {
    ...assistantSettings(organization.settings),
    engine: openAi ? "openai" : "offline",
    usage: { aiConversationsThisMonth: usage.used, limit: TIER_LIMITS[tier].monthlyAiConversations, since: usage.since },
    plan: { aiAutoResponses: features.aiAutoResponses, customAiInstructions: features.customAiInstructions, autoJobCreation: features.autoJobCreation, voiceTranscription: features.voiceTranscription },
  };
}
