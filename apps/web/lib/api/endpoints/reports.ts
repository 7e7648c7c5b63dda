import { z } from "zod";
import { getReport, reportRangeSchema } from "@campotech/core/modules/reports";
import { defineEndpoint } from "../define-endpoint";

const count = () => z.number().int();
const seconds = () => z.number().int().nullable();
const jobStatus = z.enum(["pending", "scheduled", "en_camino", "working", "completed", "cancelled"]);
const responseTimes = z.object({ answered: count(), medianSeconds: seconds(), p90Seconds: seconds() });

const reportSchema = z.object({
  from: z.string().describe("Primer día (Buenos Aires), incluido"),
  to: z.string().describe("Último día (Buenos Aires), incluido"),
  days: count(),
  granularity: z.enum(["day", "week"]).describe("Hasta 31 días, por día; más, por semana (desde el lunes)"),
  jobsByTechnician: z.array(z.object({
    technicianId: z.string().nullable().describe("null: trabajos sin técnico"), technicianName: z.string().nullable(), total: count(), byStatus: z.partialRecord(jobStatus, count()),
  })),
  revenue: z.object({
    granularity: z.enum(["day", "week"]),
    points: z.array(z.object({ bucket: z.string(), quotesCents: count(), invoicesCents: count() })),
    quotesCents: count().describe("Presupuestado sin IVA: ítems de trabajos y precios cotizados en oportunidades sin trabajo"),
    invoicesCents: count().describe("Facturado sin IVA: facturas autorizadas menos notas de crédito"),
  }),
  firstResponse: z.object({ openings: count(), unanswered: count(), all: responseTimes, assistant: responseTimes, person: responseTimes }),
  assistantResolution: z.object({ conversations: count(), assistantOnly: count(), withPerson: count(), noReply: count(), assistantShareBps: count().nullable() }),
  emergencies: z.object({
    jobs: count(), completed: count(), assigned: count(), unassigned: count(), medianSecondsToAssign: seconds(), p90SecondsToAssign: seconds(), leadsWithoutJob: count(),
  }),
});

export const getReportEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/reports",
  summary: "Reportes de un rango de fechas de Buenos Aires (hasta 366 días): trabajos, facturación, tiempo de respuesta, asistente y emergencias",
  tag: "reports",
  permission: "reports.read",
  query: reportRangeSchema,
  response: reportSchema,
  handler: ({ query, claims, tenant }) => tenant((tx) => getReport(tx, claims.org, query)),
});
