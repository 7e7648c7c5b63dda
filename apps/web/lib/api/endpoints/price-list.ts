import { z } from "zod";
import { safeText } from "@campotech/core/lib/sanitize-text";
import { createPriceListItem, listPriceListItems, updatePriceListItem } from "@campotech/core/modules/price-list";
import { defineEndpoint } from "../define-endpoint";

const dateTime = () => z.date().meta({ type: "string", format: "date-time" });
const SERVICE_TYPES = ["PLUMBING", "GAS", "ELECTRICAL", "HVAC", "DRAINAGE", "GENERAL"] as const;

const itemSchema = z.object({
  id: z.string(), code: z.string(), name: z.string(), description: z.string().nullable(), serviceType: z.enum(SERVICE_TYPES), unit: z.string(),
  priceCents: z.number().int(), ivaRateBps: z.number().int(), keywords: z.array(z.string()), active: z.boolean(), createdAt: dateTime(), updatedAt: dateTime(),
});

const fields = {
  name: safeText().min(1).max(120),
  description: safeText().max(1000).nullable(),
  serviceType: z.enum(SERVICE_TYPES),
  unit: safeText().min(1).max(30),
  priceCents: z.number().int().nonnegative(),
  ivaRateBps: z.number().int().describe("2100, 1050, 2700 o 0"),
  keywords: z.array(safeText().min(1).max(40)).max(30),
};

export const listPriceListEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/price-list",
  summary: "La lista de precios de la organización (activos, salvo includeInactive=true)",
  tag: "price-list",
  // Technicians add lines from the list in the field, so anyone who sees their jobs sees the list.
  permission: "jobs.read.own",
  query: z.object({
    serviceType: z.enum(SERVICE_TYPES).optional(),
    includeInactive: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
    q: safeText().max(80, "Buscá con hasta 80 caracteres.").optional().describe("Busca en código, nombre y palabras clave"),
  }),
  response: z.object({ items: z.array(itemSchema) }),
  handler: ({ query, tenant }) => tenant((tx) => listPriceListItems(tx, query)),
});

export const createPriceListItemEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/price-list",
  summary: "Agrega un ítem a la lista de precios (repetir el mismo pedido devuelve el mismo ítem; otro ítem con un código usado es 409)",
  tag: "price-list",
  permission: "pricelist.manage",
  status: 201,
  body: z.object({
    code: safeText().min(1).max(40),
    name: fields.name, description: fields.description.optional(), serviceType: fields.serviceType, unit: fields.unit.optional(),
    priceCents: fields.priceCents, ivaRateBps: fields.ivaRateBps.optional(), keywords: fields.keywords.optional(),
  }).strict(),
  response: itemSchema,
  handler: ({ body, claims, tenant }) => tenant((tx) => createPriceListItem(tx, { organizationId: claims.org, userId: claims.sub }, body)),
});

export const updatePriceListItemEndpoint = defineEndpoint({
  method: "PATCH",
  path: "/api/price-list/{id}",
  summary: "Actualiza un ítem de la lista de precios o lo desactiva (active: false; no se borra porque los trabajos usan su código). Los trabajos ya cargados conservan su precio",
  tag: "price-list",
  permission: "pricelist.manage",
  params: z.object({ id: z.string().min(1) }),
  body: z.object({
    name: fields.name.optional(), description: fields.description.optional(), serviceType: fields.serviceType.optional(), unit: fields.unit.optional(),
    priceCents: fields.priceCents.optional(), ivaRateBps: fields.ivaRateBps.optional(), keywords: fields.keywords.optional(), active: z.boolean().optional(),
  }).strict(),
  response: itemSchema,
  handler: ({ params, body, claims, tenant }) => tenant((tx) => updatePriceListItem(tx, { organizationId: claims.org, userId: claims.sub }, params.id, body)),
});
