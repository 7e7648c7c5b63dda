import { z } from "zod";
import { safeText } from "@campotech/core/lib/sanitize-text";
import { cancelPlanChangeRequest, getPlanOverview, requestPlanChange } from "@campotech/core/modules/plans";
import { FEATURE_KEYS } from "@campotech/core/modules/organizations";
import { defineEndpoint } from "../define-endpoint";

const dateTime = () => z.date().meta({ type: "string", format: "date-time" });
const TIERS = ["FREE", "INICIAL", "PROFESIONAL", "EMPRESARIAL", "ENTERPRISE"] as const;
const limit = () => z.number().int().nullable().describe("null = sin límite");
const meter = z.object({ used: z.number().int(), limit: limit() });

const requestSchema = z.object({
  id: z.string(),
  fromTier: z.enum(TIERS),
  toTier: z.enum(TIERS),
  status: z.enum(["PENDING", "APPLIED", "REJECTED", "CANCELLED"]),
  note: z.string().nullable(),
  createdAt: dateTime(),
});

const overviewSchema = z.object({
  tier: z.enum(TIERS).describe("el plan contratado (o el de la prueba)"),
  planName: z.string(),
  effectiveTier: z.enum(TIERS).describe("el plan vigente: con la prueba vencida, FREE"),
  effectivePlanName: z.string(),
  trialEndsAt: dateTime().nullable(),
  trialDaysLeft: z.number().int().nullable().describe("días de prueba que quedan (0 = vencida; null = sin prueba)"),
  features: z.record(z.enum(FEATURE_KEYS), z.boolean()),
  usage: z.object({ periodStart: dateTime().describe("inicio del mes en Buenos Aires"), messages: meter, aiConversations: meter, responders: meter }),
  plans: z.array(z.object({
    tier: z.enum(TIERS),
    name: z.string(),
    adds: z.array(z.object({ feature: z.enum(FEATURE_KEYS), name: z.string() })).describe("lo que suma sobre el plan anterior"),
    limits: z.object({ monthlyMessages: limit(), monthlyAiConversations: limit(), responders: limit() }),
  })),
  pendingRequest: requestSchema.nullable(),
});

export const getPlanEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/plan",
  summary: "Tu plan: el plan vigente, la prueba, el uso del mes contra los límites, qué suma cada plan y el pedido de cambio pendiente",
  tag: "plan",
  permission: "settings.read",
  response: overviewSchema,
  handler: ({ claims, tenant }) => tenant((tx) => getPlanOverview(tx, claims.org)),
});

export const requestPlanChangeEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/plan/change-requests",
  summary: "Pide el cambio a otro plan (el equipo de CampoTech lo activa). Uno pendiente por organización: uno nuevo cancela el anterior.",
  tag: "plan",
  permission: "settings.manage",
  body: z.object({
    toTier: z.enum(TIERS, "Elegí un plan: FREE, INICIAL, PROFESIONAL, EMPRESARIAL o ENTERPRISE."),
    note: safeText().max(500, "La nota puede tener hasta 500 caracteres.").optional(),
  }).strict(),
  response: requestSchema,
  status: 201,
  handler: ({ body, claims, tenant }) => tenant((tx) => requestPlanChange(tx, { organizationId: claims.org, userId: claims.sub }, body)),
});

export const cancelPlanChangeRequestEndpoint = defineEndpoint({
  method: "DELETE",
  path: "/api/plan/change-requests/{id}",
  summary: "Cancela el pedido de cambio de plan pendiente",
  tag: "plan",
  permission: "settings.manage",
  params: z.object({ id: z.string().min(1) }),
  response: z.object({ id: z.string(), status: z.literal("CANCELLED") }),
  handler: ({ params, claims, tenant }) => tenant((tx) => cancelPlanChangeRequest(tx, { organizationId: claims.org, userId: claims.sub }, params.id)),
});
