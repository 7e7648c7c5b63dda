import { z } from "zod";
import { getOverview } from "@campotech/core/modules/overview";
import { defineEndpoint } from "../define-endpoint";

const dateTime = () => z.date().meta({ type: "string", format: "date-time" });
const person = z.object({ id: z.string(), name: z.string() });
const jobStatus = z.enum(["pending", "scheduled", "en_camino", "working", "completed", "cancelled"]);

const overviewSchema = z.object({
  date: z.string().describe("Hoy en Buenos Aires (YYYY-MM-DD)"),
  monthStart: dateTime().describe("Inicio del mes en Buenos Aires"),
  jobsToday: z.object({
    total: z.number().int(),
    byStatus: z.record(jobStatus, z.number().int()),
    items: z.array(z.object({
      id: z.string(),
      number: z.number().int(),
      scheduledStart: dateTime().nullable(),
      scheduledEnd: dateTime().nullable(),
      status: jobStatus,
      urgency: z.enum(["EMERGENCY", "HIGH", "NORMAL"]),
      technician: person.nullable(),
      customer: person,
    })),
  }),
  conversations: z.object({ open: z.number().int(), unread: z.number().int() }),
  emergencies: z.object({
    count: z.number().int().describe("Trabajos EMERGENCY sin completar ni cancelar"),
    jobs: z.array(z.object({
      id: z.string(), number: z.number().int(), status: jobStatus, createdAt: dateTime(), scheduledStart: dateTime().nullable(),
      technician: person.nullable(), customer: person,
    })),
    detectedByAssistantToday: z.number().int().describe("Turnos del asistente que reconocieron una urgencia hoy"),
  }),
  messagesThisMonth: z.object({
    sent: z.number().int(), delivered: z.number().int(), read: z.number().int(), failed: z.number().int(),
  }).describe("Mensajes salientes del mes por estado alcanzado (un leído también cuenta como entregado y enviado)"),
  firstResponseThisMonth: z.object({
    medianSeconds: z.number().int().nullable().describe("Mediana de la primera respuesta; null sin datos"),
    conversations: z.number().int().describe("Conversaciones medidas"),
  }),
});

export const getOverviewEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/overview",
  summary: "Resumen del día: trabajos de hoy, bandeja, urgencias abiertas y números de mensajes del mes (hora de Buenos Aires)",
  tag: "overview",
  permission: "inbox.read",
  response: overviewSchema,
  handler: ({ claims, tenant }) => tenant((tx) => getOverview(tx, { organizationId: claims.org })),
});
