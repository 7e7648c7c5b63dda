import type { Tier } from "@campotech/database";

// What each plan includes, beyond message allowances (tiers.ts). The one place that decides it: routes, pages and
// use-cases ask planFeatures(tier), never compare tiers themselves.
//   dispatchMap:  the dashboard's "Mapa" (technicians' last positions, today's jobs, nearest technician).
//   liveTracking: the customer's tracking page shows the technician moving and the ETA; below it, the static page
//                 (slot and steps) is all there is.
export type PlanFeatures = { dispatchMap: boolean; liveTracking: boolean };

const STATIC: PlanFeatures = { dispatchMap: false, liveTracking: false };
const LIVE: PlanFeatures = { dispatchMap: true, liveTracking: true };

export const PLAN_FEATURES: Record<Tier, PlanFeatures> = {
  FREE: STATIC,
  INICIAL: STATIC,
  PROFESIONAL: LIVE,
  EMPRESARIAL: LIVE,
  ENTERPRISE: LIVE,
};

export function planFeatures(tier: Tier): PlanFeatures {
  return PLAN_FEATURES[tier] ?? STATIC;
}

// The Spanish reason shown when a plan lacks a feature.
export const FEATURE_UPSELL: Record<keyof PlanFeatures, string> = {
  dispatchMap: "El mapa de despacho está disponible desde el plan Profesional.",
  liveTracking: "El seguimiento en vivo está disponible desde el plan Profesional.",
};
