import type { Tier } from "@campotech/database";
import type { TenantTx } from "../../lib/db";
import { effectiveTier } from "../organizations/effective-tier";
import { PLAN_NAMES, planFeatures, type PlanFeatures } from "../organizations/features";
import { getWhatsAppUsage } from "../whatsapp-accounts/get-whatsapp-usage";
import { planCatalog, type PlanCatalogEntry } from "./plan-catalog";
import { countResponders, responderLimit } from "./responder-limit";

type Meter = { used: number; limit: number | null };
// The schema's PlanChangeStatus enum (not re-exported by @campotech/database).
export type PlanChangeStatus = "PENDING" | "APPLIED" | "REJECTED" | "CANCELLED";
export type PlanChangeRequestView = { id: string; fromTier: Tier; toTier: Tier; status: PlanChangeStatus; note: string | null; createdAt: Date };

export type PlanOverview = {
  tier: Tier;
  planName: string;
  // What the organization gets today: an ended trial is FREE until an operator applies a paid plan.
  effectiveTier: Tier;
  effectivePlanName: string;
  trialEndsAt: Date | null;
  trialDaysLeft: number | null;
  features: PlanFeatures;
  usage: { periodStart: Date; messages: Meter; aiConversations: Meter; responders: Meter };
  plans: PlanCatalogEntry[];
  pendingRequest: PlanChangeRequestView | null;
};

const DAY_MS = 86_400_000;

// "Tu plan": the plan, the trial, this month's usage against the effective plan's limits, the five plans and the
// pending change request (at most one).
export async function getPlanOverview(tx: TenantTx, organizationId: string, now: Date = new Date()): Promise<PlanOverview> {
  const organization = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { tier: true, trialEndsAt: true } });
  const tier = effectiveTier(organization, now);
  const usage = await getWhatsAppUsage(tx, { organizationId, now });
  const plans = planCatalog();
  const limits = plans.find((p) => p.tier === tier)!.limits;
  const pending = await tx.planChangeRequest.findFirst({
    where: { status: "PENDING" }, orderBy: { createdAt: "desc" },
    select: { id: true, fromTier: true, toTier: true, status: true, note: true, createdAt: true },
  });
  const trialActive = organization.trialEndsAt && organization.trialEndsAt > now;
  return {
    tier: organization.tier,
    planName: PLAN_NAMES[organization.tier],
    effectiveTier: tier,
    effectivePlanName: PLAN_NAMES[tier],
    trialEndsAt: organization.trialEndsAt,
    trialDaysLeft: trialActive ? Math.ceil((organization.trialEndsAt!.getTime() - now.getTime()) / DAY_MS) : organization.trialEndsAt ? 0 : null,
    features: planFeatures(tier),
    usage: {
      periodStart: usage.periodStart,
      // The usage code reads the stored tier; the meters show the effective plan's limits.
      messages: { used: usage.messages.used, limit: limits.monthlyMessages },
      aiConversations: { used: usage.aiConversations.used, limit: limits.monthlyAiConversations },
      responders: { used: await countResponders(tx), limit: responderLimit(tier) },
    },
    plans,
    pendingRequest: pending,
  };
}
