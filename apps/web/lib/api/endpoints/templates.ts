import { z } from "zod";
import { getComposerTemplates, getTemplate, listTemplates, submitTemplate, syncTemplatesNow, templateInputSchema } from "@campotech/core/modules/templates";
import { defineEndpoint } from "../define-endpoint";

const dateTime = () => z.date().meta({ type: "string", format: "date-time" });
const category = z.enum(["UTILITY", "MARKETING", "AUTHENTICATION"]);
const status = z.enum(["DRAFT", "PENDING", "APPROVED", "REJECTED", "PAUSED", "DISABLED"]);

const templateSchema = z.object({
  id: z.string(),
  name: z.string(),
  language: z.string().describe("es_AR"),
  category,
  status,
  body: z.string().describe('Texto del cuerpo con sus variables ("Hola {{1}}, …")'),
  placeholders: z.number().int().describe("Cantidad de variables: los valores a mandar al usarla"),
  components: z.unknown().describe("Componentes tal como los tiene el proveedor (HEADER, BODY, FOOTER, BUTTONS)"),
  providerTemplateId: z.string().nullable(),
  rejectionReason: z.string().nullable(),
  createdAt: dateTime(),
  updatedAt: dateTime(),
});

export const listTemplatesEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/whatsapp/templates",
  summary: "Plantillas de WhatsApp de la organización, con su estado de aprobación (filtros status, category, search)",
  tag: "templates",
  permission: "inbox.read",
  query: z.object({ status: status.optional(), category: category.optional(), search: z.string().trim().max(100).optional() }),
  response: z.object({ items: z.array(templateSchema) }),
  handler: async ({ query, tenant }) => ({ items: await tenant((tx) => listTemplates(tx, query)) }),
});

export const getTemplateEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/whatsapp/templates/{id}",
  summary: "Una plantilla",
  tag: "templates",
  permission: "inbox.read",
  params: z.object({ id: z.string().min(1) }),
  response: templateSchema,
  handler: ({ params, tenant }) => tenant((tx) => getTemplate(tx, params.id)),
});

export const createTemplateEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/whatsapp/templates",
  summary: "Crea una plantilla y la envía al proveedor para su aprobación (queda PENDING hasta que WhatsApp responda)",
  tag: "templates",
  permission: "templates.manage",
  body: templateInputSchema,
  response: templateSchema,
  status: 201,
  handler: ({ body, claims, tenant }) => tenant((tx) => submitTemplate(tx, { organizationId: claims.org, actorId: claims.sub, template: body })),
});

export const syncTemplatesEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/whatsapp/templates/sync",
  summary: "Trae ahora las plantillas del proveedor (altas y cambios de estado) y devuelve cuántas cambiaron",
  tag: "templates",
  permission: "templates.manage",
  body: z.object({ accountId: z.string().min(1).optional() }).strict().optional(),
  response: z.object({ accountId: z.string(), created: z.number().int(), updated: z.number().int(), total: z.number().int(), syncedAt: dateTime() }),
  handler: ({ body, claims, tenant }) =>
    tenant((tx) => syncTemplatesNow(tx, { organizationId: claims.org, actorId: claims.sub, ...(body?.accountId ? { accountId: body.accountId } : {}) })),
});

const composerTemplateSchema = z.object({
  id: z.string(),
  name: z.string(),
  language: z.string(),
  category,
  body: z.string().describe('Texto del cuerpo con sus variables ("Hola {{1}}, …")'),
  fields: z.array(
    z.object({
      index: z.number().int().describe("El n de {{n}}"),
      label: z.string().describe('Nombre para las personas ("Nombre del cliente", "Fecha del turno"; "Dato 1" si la plantilla no lo dice)'),
      value: z.string().describe("Valor precargado con lo que se sabe de la conversación; vacío si no se sabe"),
      example: z.string().nullable().describe("El ejemplo que se cargó con la plantilla, si hay"),
    }),
  ),
});

export const composerTemplatesEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/whatsapp/conversations/{id}/composer",
  summary: "Lo que ofrece el cuadro de respuesta de una conversación: las plantillas aprobadas para clientes (sin las internas), con sus campos con nombre y precargados, y el nombre del cliente",
  tag: "templates",
  permission: "conversations.read.assigned",
  params: z.object({ id: z.string().min(1) }),
  response: z.object({ customerFirstName: z.string().nullable(), templates: z.array(composerTemplateSchema) }),
  handler: ({ params, claims, tenant }) => tenant((tx) => getComposerTemplates(tx, { userId: claims.sub, role: claims.role }, params.id)),
});
