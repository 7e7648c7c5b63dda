import type { Tier } from "@campotech/database";

// What each plan includes beyond message allowances (tiers.ts): the admin guide's feature matrix. The one place that
// decides it: the API, the workers and the dashboard ask planFeatures(tier) / assertPlanFeature, never compare tiers.
export const PLAN_ORDER = ["FREE", "INICIAL", "PROFESIONAL", "EMPRESARIAL", "ENTERPRISE"] as const satisfies readonly Tier[];

export const FEATURE_KEYS = [
  "waLinks", // click-to-chat wa.me links with a prefilled message
  "invoiceWhatsApp", // invoices sent on WhatsApp
  "qrCode", // the wa.me QR (PNG, SVG, printable card) and on invoices
  "virtualNumber", // a WhatsApp number provisioned by CampoTech (360dialog Partner API)
  "aiAutoResponses", // the assistant answers customers on its own
  "voiceTranscription", // voice notes transcribed for the assistant and the inbox
  "autoJobCreation", // the assistant books jobs by itself
  "conversationHistory", // the full conversation history in the inbox (below: the last 30 days)
  "customAiInstructions", // the business's own instructions to the assistant
  "dispatchMap", // the dashboard's "Mapa" (technicians' last positions, the day's jobs, nearest technician)
  "liveTracking", // the customer's tracking page shows the technician moving and the ETA
  "multipleResponders", // more than one person answering in the shared inbox
  "prioritySupport", // the platform's priority support line
] as const;

export type PlanFeature = (typeof FEATURE_KEYS)[number];
export type PlanFeatures = Record<PlanFeature, boolean>;

// The first plan that includes each feature; every plan above it includes it too.
export const FEATURE_MIN_TIER: Record<PlanFeature, Tier> = {
  waLinks: "INICIAL",
  invoiceWhatsApp: "INICIAL",
  qrCode: "INICIAL",
  virtualNumber: "PROFESIONAL",
  aiAutoResponses: "PROFESIONAL",
  voiceTranscription: "PROFESIONAL",
  autoJobCreation: "PROFESIONAL",
  conversationHistory: "PROFESIONAL",
  customAiInstructions: "PROFESIONAL",
  dispatchMap: "PROFESIONAL",
  liveTracking: "PROFESIONAL",
  multipleResponders: "EMPRESARIAL",
  prioritySupport: "ENTERPRISE",
};

export const PLAN_NAMES: Record<Tier, string> = {
  FREE: "Gratis",
  INICIAL: "Inicial",
  PROFESIONAL: "Profesional",
  EMPRESARIAL: "Empresarial",
  ENTERPRISE: "Enterprise",
};

// What the feature is called in Spanish, for upgrade prompts and the plan page.
export const FEATURE_NAMES: Record<PlanFeature, string> = {
  waLinks: "Enlaces wa.me",
  invoiceWhatsApp: "Facturas por WhatsApp",
  qrCode: "Código QR para que te escriban",
  virtualNumber: "Número de WhatsApp propio",
  aiAutoResponses: "Respuestas automáticas con IA",
  voiceTranscription: "Transcripción de audios",
  autoJobCreation: "Creación automática de trabajos",
  conversationHistory: "Historial completo de conversaciones",
  customAiInstructions: "Instrucciones propias para la IA",
  dispatchMap: "Mapa de despacho",
  liveTracking: "Seguimiento en vivo",
  multipleResponders: "Varias personas respondiendo",
  prioritySupport: "Soporte prioritario",
};

const rank = (tier: Tier) => PLAN_ORDER.indexOf(tier);

export function includesFeature(tier: Tier, feature: PlanFeature): boolean {
  return rank(tier) >= rank(FEATURE_MIN_TIER[feature]);
}

export function planFeatures(tier: Tier): PlanFeatures {
  return Object.fromEntries(FEATURE_KEYS.map((feature) => [feature, includesFeature(tier, feature)])) as PlanFeatures;
}

// The features a plan adds over the one below it (the plan page's "qué suma cada plan").
export function featuresAddedBy(tier: Tier): PlanFeature[] {
  return FEATURE_KEYS.filter((feature) => FEATURE_MIN_TIER[feature] === tier);
}

// The Spanish reason shown when a plan lacks a feature ("… está disponible desde el plan Profesional.").
export function upsellMessage(feature: PlanFeature): string {
  return `${FEATURE_NAMES[feature]}: está disponible desde el plan ${PLAN_NAMES[FEATURE_MIN_TIER[feature]]}.`;
}

// Kept for the pages written before the full matrix (the map and tracking settings).
export const FEATURE_UPSELL: Record<"dispatchMap" | "liveTracking", string> = {
  dispatchMap: "El mapa de despacho está disponible desde el plan Profesional.",
  liveTracking: "El seguimiento en vivo está disponible desde el plan Profesional.",
};
