import { z } from "zod";
import type { AccessTokenClaims } from "@campotech/core/modules/auth";
import {
  assistantSettingsInputSchema,
  getAssistantSettingsView,
  getConversationAssistant,
  setAssistantSettings,
  setConversationAssistantPause,
} from "@campotech/core/modules/assistant";
import { publishOrganizationEvents } from "@campotech/core/modules/events";
import { defineEndpoint } from "../define-endpoint";

const dateTime = () => z.date().meta({ type: "string", format: "date-time" });
const idParams = z.object({ id: z.string().min(1) });
const DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;
const viewer = (claims: AccessTokenClaims) => ({ organizationId: claims.org, userId: claims.sub, role: claims.role });

const settingsSchema = z.object({
  autoResponseEnabled: z.boolean(),
  mode: z.enum(["always", "outside_business_hours"]).describe("outside_business_hours: responde solo con la oficina cerrada (las urgencias siempre)"),
  customInstructions: z.string(),
  handoffMinutes: z.number().int().describe("minutos que el asistente se queda callado cuando una persona toma la conversación"),
  onCallUserIds: z.array(z.string()).describe("quiénes reciben los avisos de urgencia además de los dueños"),
  businessHours: z.partialRecord(z.enum(DAYS), z.tuple([z.string(), z.string()])).describe('{"monday": ["08:00", "18:00"], …} en hora de Buenos Aires; un día ausente está cerrado'),
  engine: z.enum(["openai", "offline"]),
  usage: z.object({
    aiConversationsThisMonth: z.number().int(),
    limit: z.number().int().nullable().describe("conversaciones con IA del plan por mes; null = sin límite"),
    since: dateTime().describe("inicio del mes en Buenos Aires"),
  }),
  plan: z.object({
    aiAutoResponses: z.boolean(),
    customAiInstructions: z.boolean(),
    autoJobCreation: z.boolean(),
    voiceTranscription: z.boolean(),
  }).describe("qué incluye el plan vigente (con la prueba vencida, el plan Gratis); lo que no incluye se rechaza con PLAN_REQUIRED"),
});

const conversationAssistantSchema = z.object({
  enabled: z.boolean().describe("si el asistente está activado en la organización"),
  pausedUntil: dateTime().nullable().describe("una persona tiene la conversación hasta entonces; las urgencias se responden igual"),
  state: z.object({
    awaiting: z.enum(["schedule_offer", "slot_choice", "cancel_confirm", "emergency_check", "address", "clarify", "reschedule_or_cancel", "job_choice"]).nullable(),
    offeredSlots: z.array(z.object({ start: dateTime(), end: dateTime(), technicianId: z.string() })),
    service: z.string().nullable(),
    urgency: z.enum(["EMERGENCY", "HIGH", "NORMAL"]).nullable(),
    leadId: z.string().nullable(),
    jobId: z.string().nullable(),
    updatedAt: dateTime().nullable(),
  }),
  runs: z.array(z.object({
    id: z.string(),
    engine: z.enum(["OFFLINE", "OPENAI"]),
    intent: z.string(),
    emergencyKind: z.string().nullable(),
    outcome: z.string(),
    reply: z.string().nullable(),
    latencyMs: z.number().int(),
    tools: z.array(z.string()),
    error: z.string().nullable(),
    createdAt: dateTime(),
  })).describe("las últimas 20 respuestas, la más nueva primero"),
});

export const getAssistantSettingsEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/settings/assistant",
  summary: "Configuración del asistente de WhatsApp, horario de atención, motor (OpenAI u offline) y conversaciones con IA usadas este mes",
  tag: "assistant",
  permission: "settings.read",
  response: settingsSchema,
  handler: ({ claims, tenant }) => tenant((tx) => getAssistantSettingsView(tx, claims.org)),
});

export const setAssistantSettingsEndpoint = defineEndpoint({
  method: "PUT",
  path: "/api/settings/assistant",
  summary: "Cambia la configuración del asistente (los campos omitidos no cambian; businessHours reemplaza la semana)",
  tag: "assistant",
  permission: "settings.manage",
  body: assistantSettingsInputSchema,
  response: settingsSchema,
  handler: ({ body, claims, tenant }) => tenant((tx) => setAssistantSettings(tx, { organizationId: claims.org, userId: claims.sub }, body)),
});

export const getConversationAssistantEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/whatsapp/conversations/{id}/assistant",
  summary: "Qué hace el asistente en esta conversación: pausa, qué espera (horarios ofrecidos) y sus últimas respuestas",
  tag: "assistant",
  permission: "conversations.read.assigned",
  params: idParams,
  response: conversationAssistantSchema,
  handler: ({ params, claims, tenant }) => tenant((tx) => getConversationAssistant(tx, viewer(claims), params.id)),
});

export const setConversationAssistantEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/whatsapp/conversations/{id}/assistant",
  summary: "Una persona toma la conversación (pause: el asistente se calla por `minutes` o el tiempo configurado) o se la devuelve al asistente (resume)",
  tag: "assistant",
  permission: "conversations.write.assigned",
  params: idParams,
  body: z.object({
    action: z.enum(["pause", "resume"]),
    minutes: z.number().int().min(5, "La pausa tiene que ser de al menos 5 minutos.").max(7 * 24 * 60, "La pausa puede ser de hasta 7 días.").optional(),
  }).strict(),
  response: conversationAssistantSchema,
  handler: async ({ params, body, claims, tenant }) => {
    const { view, events } = await tenant((tx) => setConversationAssistantPause(tx, viewer(claims), { conversationId: params.id, ...body }));
    await publishOrganizationEvents(events);
    return view;
  },
});
