// What one DELIVERED WhatsApp message to an Argentine number costs us, per provider and pricing category, in
// hundredths of a US cent (618 = USD 0.0618) so fractions of a cent stay integers.
//
// PLACEHOLDERS TO CHECK before quoting them in an application (set 2026-12-03; /work/shared/reference/WHATSAPP.md §4
// has the pricing model — per delivered template, service replies free inside the 24-hour window — but no rates):
// - Meta: the "Pricing" page, market "Argentina" (per-message rates since 2025-07-01). Service is 0 while free-form
//   replies inside the customer service window stay free (§4 notes a possible change from 2026-10-01).
// - 360dialog: passes Meta's rates through unchanged (its fee is a monthly licence per number, not per message).
// - Twilio: Meta's rate plus Twilio's own fee per message (USD 0.005 on its WhatsApp pricing page).
export const PRICING_CATEGORIES = ["marketing", "utility", "authentication", "service"] as const;
export type PricingCategory = (typeof PRICING_CATEGORIES)[number];
export type CostProvider = "meta" | "dialog360" | "twilio";

const META_AR: Record<PricingCategory, number> = { marketing: 618, utility: 260, authentication: 260, service: 0 };
const TWILIO_FEE = 50;

export const PROVIDER_COSTS: Record<CostProvider, Record<PricingCategory, number>> = {
  meta: META_AR,
  dialog360: META_AR,
  twilio: { marketing: META_AR.marketing + TWILIO_FEE, utility: META_AR.utility + TWILIO_FEE, authentication: META_AR.authentication + TWILIO_FEE, service: TWILIO_FEE },
};
export const PROVIDER_COSTS_CHECKED_ON = "2026-12-03";

export const COST_PROVIDER_OF: Record<string, CostProvider> = { META_DIRECT: "meta", DIALOG_360: "dialog360", TWILIO: "twilio" };

// Meta's pricing.category values folded into the four we price ("authentication_international" is priced as
// authentication, "marketing_lite" as marketing, free entry points and anything unknown as service).
export function pricingCategoryOf(raw: string | null | undefined): PricingCategory {
  const value = (raw ?? "").toLowerCase();
  if (value.startsWith("authentication")) return "authentication";
  if (value.startsWith("marketing")) return "marketing";
  if (value === "utility") return "utility";
  return "service";
}
