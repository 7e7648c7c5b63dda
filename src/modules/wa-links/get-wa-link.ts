import type { Tier } from "@campotech/database";
import type { TenantTx } from "../../lib/db";
import { formatPhoneForPeople } from "../../lib/phone";
import { effectiveTier } from "../organizations/effective-tier";
import { FEATURE_MIN_TIER, includesFeature, upsellMessage } from "../organizations/features";
import { buildWaLink, NO_WHATSAPP_NUMBER } from "./build-wa-link";
import { findWaLinkNumber, type WaLinkNumber } from "./find-wa-link-number";
import { defaultWaLinkMessage, storedWaLinkMessage, WA_LINK_MESSAGE_MAX } from "./wa-link-settings";

export type WaLinkView = {
  allowed: boolean; // the plan includes "waLinks"
  qrAllowed: boolean; // the plan includes "qrCode" (PNG, SVG, the printable card, the QR on invoices)
  requiredPlan: Tier; // the first plan with links
  upsell: string | null; // the Spanish upgrade note when the plan lacks links
  businessName: string;
  message: string; // what the link prefills: the organization's own or the default
  customMessage: boolean;
  defaultMessage: string;
  maxLength: number;
  number: (WaLinkNumber & { display: string }) | null;
  link: string | null; // null below the plan or without a number
  problem: string | null; // why there is no link although the plan has it
};

// Everything the settings screen and the QR/card endpoints need. Below the plan the link itself is withheld (it is
// what the plan sells); the message and the upgrade note are still shown.
export async function getWaLink(tx: TenantTx, organizationId: string, now: Date = new Date()): Promise<WaLinkView> {
  const organization = await tx.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { name: true, tier: true, trialEndsAt: true, settings: true },
  });
  const tier = effectiveTier(organization, now);
  const allowed = includesFeature(tier, "waLinks");
  const defaultMessage = defaultWaLinkMessage(organization.name);
  const stored = storedWaLinkMessage(organization.settings);
  const message = stored ?? defaultMessage;
  const number = allowed ? await findWaLinkNumber(tx, organizationId) : null;
  return {
    allowed,
    qrAllowed: includesFeature(tier, "qrCode"),
    requiredPlan: FEATURE_MIN_TIER.waLinks,
    upsell: allowed ? null : upsellMessage("waLinks"),
    businessName: organization.name,
    message,
    customMessage: stored !== null,
    defaultMessage,
    maxLength: WA_LINK_MESSAGE_MAX,
    number: number ? { ...number, display: formatPhoneForPeople(`+${number.digits}`) } : null,
    link: number ? buildWaLink({ phone: number.digits, message }) : null,
    problem: allowed && !number ? NO_WHATSAPP_NUMBER : null,
  };
}
