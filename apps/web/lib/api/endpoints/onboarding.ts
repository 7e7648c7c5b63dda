import { z } from "zod";
import { dismissOnboarding, getOnboardingChecklist } from "@campotech/core/modules/onboarding";
import { defineEndpoint } from "../define-endpoint";

const dateTime = () => z.date().meta({ type: "string", format: "date-time" });
const STEP_KEYS = ["whatsapp", "team", "priceList", "hours", "arca", "mercadopago"] as const;

export const getOnboardingEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/onboarding",
  summary: "Primeros pasos: qué falta configurar (WhatsApp, equipo, precios, horarios, ARCA, MercadoPago), calculado de los datos",
  tag: "onboarding",
  permission: "settings.read",
  response: z.object({
    steps: z.array(z.object({ key: z.enum(STEP_KEYS), title: z.string(), description: z.string(), href: z.string(), done: z.boolean() })),
    doneCount: z.number().int(),
    total: z.number().int(),
    dismissedAt: dateTime().nullable(),
    visible: z.boolean(),
  }),
  handler: ({ claims, tenant }) => tenant((tx) => getOnboardingChecklist(tx, claims.org)),
});

export const dismissOnboardingEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/onboarding/dismiss",
  summary: "Oculta la lista de primeros pasos para toda la organización (dueño o administrador)",
  tag: "onboarding",
  permission: "settings.manage",
  response: z.object({ dismissedAt: dateTime() }),
  handler: ({ claims, tenant }) => tenant((tx) => dismissOnboarding(tx, { organizationId: claims.org, userId: claims.sub })),
});
