import { z } from "zod";
import { safeText } from "@campotech/core/lib/sanitize-text";
import { addJobAttachment, createJob, getJob, getJobAttachment, JOB_STATES, listJobs, publishJobChanges, setLineItems, transitionJob, updateJob } from "@campotech/core/modules/jobs";
import type { JobActor } from "@campotech/core/modules/jobs";
import type { AccessTokenClaims } from "@campotech/core/modules/auth";
import { getMediaStorage } from "@campotech/core/modules/media";
import { defineEndpoint } from "../define-endpoint";
import { fileResponse } from "../file-response";
import { paymentLinkSchema, paymentSchema } from "./payments";

const dateTime = () => z.date().meta({ type: "string", format: "date-time" });
const isoDate = () => z.coerce.date().meta({ type: "string", format: "date-time" });
const actorOf = (claims: AccessTokenClaims): JobActor => ({ organizationId: claims.org, userId: claims.sub, role: claims.role });

const SERVICE_TYPES = ["PLUMBING", "GAS", "ELECTRICAL", "HVAC", "DRAINAGE", "GENERAL"] as const;
const URGENCIES = ["EMERGENCY", "HIGH", "NORMAL"] as const;
const idParams = z.object({ id: z.string().min(1) });

const jobSchema = z.object({
  id: z.string(),
  number: z.number().int(),
  customerId: z.string(),
  address: z.string(),
  serviceType: z.enum(SERVICE_TYPES),
  description: z.string(),
  notes: z.string().describe("notas de la visita (del técnico desde la app o de la oficina)"),
  urgency: z.enum(URGENCIES),
  status: z.enum(JOB_STATES),
  scheduledStart: dateTime().nullable(),
  scheduledEnd: dateTime().nullable(),
  technicianId: z.string().nullable(),
  createdById: z.string().nullable(),
  createdAt: dateTime(),
  updatedAt: dateTime(),
  paidCents: z.number().int().describe("cobrado del presupuesto sin factura (pagos aprobados menos devoluciones)"),
  paidAt: dateTime().nullable(),
  needsReassignment: z.boolean().describe("el técnico asignado fue desactivado: hay que darle el trabajo a otra persona"),
});

const jobDetailSchema = jobSchema.extend({
  lineItems: z.array(z.object({
    id: z.string(), priceListItemId: z.string().nullable(), description: z.string(), quantityMilli: z.number().int().describe("cantidad en milésimas (1,5 → 1500)"),
    unitPriceCents: z.number().int(), ivaRateBps: z.number().int().describe("2100 = 21 %"), position: z.number().int(), netCents: z.number().int(),
  })),
  totals: z.object({
    byRate: z.array(z.object({ ivaRateBps: z.number().int(), baseCents: z.number().int(), ivaCents: z.number().int() })),
    netCents: z.number().int(), ivaCents: z.number().int(), totalCents: z.number().int(),
  }),
  attachments: z.array(z.object({ id: z.string(), kind: z.enum(["PHOTO", "SIGNATURE"]), mimeType: z.string(), size: z.number().int(), createdAt: dateTime() })),
  transitions: z.array(z.object({
    from: z.enum(JOB_STATES).nullable(), to: z.enum(JOB_STATES), actorId: z.string().nullable(), actorType: z.enum(["USER", "SYSTEM", "OPERATOR"]), at: dateTime(), note: z.string().nullable(),
  })),
  trackingUrl: z.string().describe("página pública de seguimiento para el cliente (/seguimiento/<token firmado>)"),
  payment: z.object({
    state: z.enum(["UNPAID", "PARTIAL", "PAID", "INVOICED"]).describe("INVOICED: se cobra la factura (sus pagos pasaron a ella)"),
    owedCents: z.number().int(),
    paidCents: z.number().int(),
    dueCents: z.number().int(),
    invoice: z.object({ id: z.string(), paidCents: z.number().int(), paidAt: dateTime().nullable() }).nullable(),
    payments: z.array(paymentSchema),
    openLink: paymentLinkSchema.nullable(),
  }),
});

export const listJobsEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/jobs",
  summary: "Lista trabajos (filtros: estado, técnico, rango de fechas del inicio agendado); los técnicos ven solo los suyos",
  tag: "jobs",
  permission: "jobs.read.own",
  query: z.object({
    status: z.enum(JOB_STATES).optional(),
    technicianId: z.string().optional(),
    from: isoDate().optional(),
    to: isoDate().optional(),
    limit: z.coerce.number().int().min(1).max(200).optional(),
  }),
  response: z.object({ items: z.array(jobSchema) }),
  handler: ({ query, claims, tenant }) => tenant((tx) => listJobs(tx, actorOf(claims), query)),
});

export const createJobEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/jobs",
  summary: "Crea un trabajo (queda pendiente; se agenda con una transición)",
  tag: "jobs",
  permission: "jobs.write",
  status: 201,
  body: z.object({
    customerId: z.string().min(1),
    address: safeText().min(1, "Indicá la dirección.").max(300),
    serviceType: z.enum(SERVICE_TYPES),
    description: safeText().min(1, "Describí el trabajo.").max(4000),
    urgency: z.enum(URGENCIES).optional(),
    technicianId: z.string().min(1).nullable().optional(),
  }).strict(),
  response: jobSchema,
  handler: async ({ body, claims, tenant }) => {
    const { job, events } = await tenant((tx) => createJob(tx, actorOf(claims), body));
    await publishJobChanges({ events });
    return job;
  },
});

export const getJobEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/jobs/{id}",
  summary: "Un trabajo con sus líneas, totales (centavos, IVA por alícuota), adjuntos y transiciones",
  tag: "jobs",
  permission: "jobs.read.own",
  params: idParams,
  response: jobDetailSchema,
  handler: ({ params, claims, tenant }) => tenant((tx) => getJob(tx, actorOf(claims), params.id)),
});

export const updateJobEndpoint = defineEndpoint({
  method: "PATCH",
  path: "/api/jobs/{id}",
  summary: "Actualiza datos del trabajo (no el estado: eso es /transition)",
  tag: "jobs",
  permission: "jobs.write",
  params: idParams,
  body: z.object({
    customerId: z.string().min(1).optional(),
    address: safeText().min(1).max(300).optional(),
    serviceType: z.enum(SERVICE_TYPES).optional(),
    description: safeText().min(1).max(4000).optional(),
    notes: safeText().max(4000).optional(),
    urgency: z.enum(URGENCIES).optional(),
    technicianId: z.string().min(1).nullable().optional(),
    scheduledStart: isoDate().nullable().optional(),
    scheduledEnd: isoDate().nullable().optional(),
  }).strict(),
  response: jobSchema,
  handler: async ({ params, body, claims, tenant }) => {
    const result = await tenant((tx) => updateJob(tx, actorOf(claims), params.id, body));
    await publishJobChanges(result);
    return result.job;
  },
});

export const transitionJobEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/jobs/{id}/transition",
  summary: "Cambia el estado (pending → scheduled → en_camino → working → completed, o cancelled); agendar pide horario y técnico",
  tag: "jobs",
  permission: "jobs.write.own",
  params: idParams,
  body: z.object({
    to: z.enum(JOB_STATES),
    note: safeText().max(1000).optional(),
    scheduledStart: isoDate().optional(),
    scheduledEnd: isoDate().optional(),
    technicianId: z.string().min(1).optional(),
  }).strict(),
  response: jobSchema,
  handler: async ({ params, body, claims, tenant }) => {
    const result = await tenant((tx) => transitionJob(tx, actorOf(claims), params.id, body));
    await publishJobChanges(result);
    return result.job;
  },
});

export const setJobLineItemsEndpoint = defineEndpoint({
  method: "PUT",
  path: "/api/jobs/{id}/line-items",
  summary: "Reemplaza las líneas del trabajo (de la lista de precios o libres); devuelve el trabajo con totales",
  tag: "jobs",
  permission: "jobs.write.own",
  params: idParams,
  body: z.object({
    lines: z.array(z.object({
      priceListItemId: z.string().min(1).optional(),
      description: safeText().min(1).max(500).optional(),
      quantityMilli: z.number().int().positive().describe("cantidad en milésimas (1,5 → 1500)"),
      unitPriceCents: z.number().int().nonnegative().optional(),
      ivaRateBps: z.number().int().optional().describe("2100, 1050, 2700 o 0"),
    }).strict()).max(200),
  }).strict(),
  response: jobDetailSchema,
  handler: ({ params, body, claims, tenant }) =>
    tenant(async (tx) => {
      await setLineItems(tx, actorOf(claims), params.id, body.lines);
      return getJob(tx, actorOf(claims), params.id);
    }),
});

export const addJobAttachmentEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/jobs/{id}/attachments",
  summary: "Adjunta una foto (JPEG/PNG/WebP ≤ 10 MB) o la firma del cliente (PNG ≤ 1 MB), en base64; el tipo se verifica por el contenido",
  tag: "jobs",
  permission: "jobs.write.own",
  status: 201,
  params: idParams,
  body: z.object({
    kind: z.enum(["PHOTO", "SIGNATURE"]),
    mimeType: z.string().min(1).max(100),
    // ~13.4 MB of base64 carries the 10 MB photo limit; the exact size is checked on the decoded bytes.
    dataBase64: z.string().min(1).max(14_000_000).regex(/^[A-Za-z0-9+/]+={0,2}$/, "Tiene que ser base64."),
  }).strict(),
  response: z.object({ id: z.string(), kind: z.enum(["PHOTO", "SIGNATURE"]), mimeType: z.string(), size: z.number().int(), createdAt: dateTime() }),
  handler: ({ params, body, claims, tenant }) =>
    tenant((tx) =>
      addJobAttachment(tx, actorOf(claims), params.id, { kind: body.kind, declaredMimeType: body.mimeType, bytes: Buffer.from(body.dataBase64, "base64") }, getMediaStorage()),
    ),
});

export const getJobAttachmentEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/jobs/{id}/attachments/{attachmentId}",
  summary: "El archivo de una foto o firma del trabajo",
  tag: "jobs",
  permission: "jobs.read.own",
  params: z.object({ id: z.string().min(1), attachmentId: z.string().min(1) }),
  response: z.unknown(),
  binary: "image/*",
  async handler({ params, claims, tenant, requestId }) {
    const file = await tenant((tx) => getJobAttachment(tx, actorOf(claims), { jobId: params.id, attachmentId: params.attachmentId }, getMediaStorage()));
    const name = `${file.kind === "SIGNATURE" ? "firma" : "foto"}-${params.attachmentId}`;
    return fileResponse(file.bytes, { fallbackName: name, requestId });
  },
});
